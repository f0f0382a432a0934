namespace RoezanGhl.Ghl.Http;

/// <summary>
/// What the handlers need to know about a request, carried in <see cref="HttpRequestMessage.Options"/>:
/// the location (token, rate limit, circuit), the operation (idempotency, log name), the priority,
/// and whether the current attempt has left the process (so a failure may have been applied).
/// </summary>
internal sealed class GhlRequestContext(string locationId, GhlOperation operation, GhlRequestPriority priority)
{
    public static readonly HttpRequestOptionsKey<GhlRequestContext> Key = new("RoezanGhl.Ghl.Request");

    private int _attemptSent;
    private int _attempts;

    public string LocationId { get; } = locationId;

    public GhlOperation Operation { get; } = operation;

    public GhlRequestPriority Priority { get; } = priority;

    /// <summary>True once the current attempt was handed to the network.</summary>
    public bool AttemptSent => Volatile.Read(ref _attemptSent) == 1;

    /// <summary>Attempts that reached the network, retries and the 401 repeat included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public void BeginAttempt() => Volatile.Write(ref _attemptSent, 0);

    public void MarkSent()
    {
        Volatile.Write(ref _attemptSent, 1);
        Interlocked.Increment(ref _attempts);
    }

    public static GhlRequestContext From(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Options.TryGetValue(Key, out var context)
            ? context
            : throw new InvalidOperationException("The request was not made by GhlContactsClient (no GHL request context).");
    }
}
