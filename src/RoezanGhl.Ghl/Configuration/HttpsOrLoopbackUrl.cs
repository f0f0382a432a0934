namespace RoezanGhl.Ghl.Configuration;

/// <summary>
/// The rule for URLs from settings that carry secrets or personal data (GHL and its OAuth endpoints, Roezan's
/// API, the failure-notification webhook): https, or plain http only to this machine (127.0.0.1, localhost,
/// ::1) for local runs and simulators. Used by each area's options validator.
/// </summary>
public static class HttpsOrLoopbackUrl
{
    public static bool IsAllowed(Uri? url) =>
        url is { IsAbsoluteUri: true } &&
        (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback));

    public static bool IsAllowed(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var parsed) && IsAllowed(parsed);

    /// <summary>The failure message: the setting, an example, the exception for loopback. Never the value, which may hold a secret.</summary>
    public static string Requirement(string setting, string example) =>
        $"{setting} must be an https URL such as {example} (http only to 127.0.0.1, localhost or ::1).";
}
