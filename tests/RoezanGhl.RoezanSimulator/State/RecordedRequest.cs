namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// One API request as received: method, path, query, headers (<c>X-API-Key</c> replaced by
/// <c>&lt;redacted&gt;</c> so no key is kept) and body.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    Dictionary<string, string> Query,
    Dictionary<string, string> Headers,
    string? Body);
