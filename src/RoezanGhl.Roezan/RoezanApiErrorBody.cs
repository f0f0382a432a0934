using System.Text.Json;

namespace RoezanGhl.Roezan;

/// <summary>The <c>code</c> of a 422 answer (<c>{message, code, errors}</c>); the message is not kept, it may quote personal data.</summary>
internal sealed class RoezanApiErrorBody
{
    public string? Code { get; set; }

    /// <summary>The refusal code, or null when the body has none or is not JSON.</summary>
    public static async Task<string?> ReadCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var error = await JsonSerializer.DeserializeAsync(body, RoezanApiJsonContext.Default.RoezanApiErrorBody, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(error?.Code) ? null : error.Code.Trim();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
