using System.Globalization;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>How GHL's failures read in the ledger, and which of them mean the location needs a person.</summary>
internal static class GhlFailures
{
    /// <summary>One line: the call, GHL's status and its messages (never a token).</summary>
    public static string Describe(GhlApiException exception) =>
        $"GHL {exception.Operation ?? "call"} answered {(exception.StatusCode is { } status ? ((int)status).ToString(CultureInfo.InvariantCulture) : "nothing")}: {string.Join("; ", exception.Messages.Count > 0 ? exception.Messages : [exception.Message])}";

    /// <summary>Why the location needs attention (a revoked grant, an inactive location), or null when the failure is something else.</summary>
    public static string? NeedsAttention(Exception exception) => exception switch
    {
        GhlLocationNeedsAttentionException attention => attention.Reason,
        GhlApiException { Kind: GhlErrorKind.LocationNeedsAttention } ghl => Describe(ghl),
        _ => null,
    };
}
