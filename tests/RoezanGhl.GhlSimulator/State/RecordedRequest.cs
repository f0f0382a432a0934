namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// One request as received, the line <c>GHLSIM_RECORD</c> appends: method, path, query, headers
/// (the Authorization value reduced to its scheme so no token is written to disk) and body.
/// </summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    Dictionary<string, string> Query,
    Dictionary<string, string> Headers,
    string? Body);
