namespace RoezanGhl.Ghl.Http;

/// <summary>
/// One GHL endpoint: its method, path template (what logs and errors show) and whether repeating it
/// after it may have reached GHL is harmless. The reason for each <see cref="Idempotent"/> value is
/// written next to the operation in <see cref="GhlOperations"/>.
/// </summary>
internal sealed record GhlOperation(string Name, HttpMethod Method, string PathTemplate, bool Idempotent)
{
    /// <summary>"GET /contacts/{contactId}": what logs and errors show (never ids, queries or tokens).</summary>
    public string Display { get; } = $"{Method} {PathTemplate}";

    public override string ToString() => Display;
}
