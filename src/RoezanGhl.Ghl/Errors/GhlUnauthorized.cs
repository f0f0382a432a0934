using System.Text.Json;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Errors;

/// <summary>
/// Tells GHL's two kinds of 401 apart by its message (docs/ghl-client.md lists the messages seen): a token that lacks a
/// scope names the scope in it ("The token is not authorized for this scope.", "This authClass type is not allowed to
/// access this scope."); every other 401 is a token GHL does not accept ("Invalid JWT"). The message is the only
/// signal GHL gives: no error code, no <c>WWW-Authenticate</c> header.
/// </summary>
public static class GhlUnauthorized
{
    /// <summary>The reason in GHL's messages.</summary>
    public static GhlUnauthorizedReason Classify(IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return messages.Any(m => m.Contains("scope", StringComparison.OrdinalIgnoreCase))
            ? GhlUnauthorizedReason.MissingScope
            : GhlUnauthorizedReason.InvalidToken;
    }

    /// <summary>The reason in a 401's body, and GHL's message (the body's <c>message</c>, else empty).</summary>
    internal static (GhlUnauthorizedReason Reason, string Message) Read(byte[] body)
    {
        string message = "";
        if (body.Length > 0)
        {
            try
            {
                var parsed = JsonSerializer.Deserialize(body, GhlJsonContext.Default.GhlErrorBody);
                message = parsed?.Message is { ValueKind: JsonValueKind.String } text ? text.GetString() ?? "" : parsed?.Error ?? "";
            }
            catch (JsonException)
            {
                // Not GHL's JSON (a proxy's page): read as an invalid token, the reason a 401 usually has.
            }
        }

        return (Classify([message]), message);
    }
}
