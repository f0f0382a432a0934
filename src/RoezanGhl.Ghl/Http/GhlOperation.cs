namespace RoezanGhl.Ghl.Http;

/// <summary>
/// One GHL endpoint: its method, path template (what logs and errors show) and whether repeating it
/// after it may have reached GHL is harmless. The reason for each <see cref="Idempotent"/> value is
/// written next to the operation in <see cref="GhlOperations"/>. <see cref="Conversations"/> marks the
/// Conversations API, whose <c>Version</c> header differs from the Contacts API's (2021-04-15).
/// </summary>
internal sealed record GhlOperation(string Name, HttpMethod Method, string PathTemplate, bool Idempotent, bool Conversations = false)
{
    /// <summary>"GET /contacts/{contactId}": what logs and errors show (never ids, queries or tokens).</summary>
    public string Display { get; } = $"{Method} {PathTemplate}";

    public override string ToString() => Display;
}
