using RoezanGhl.Storage;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>What one process knows about one location's token beyond the secret itself.</summary>
internal sealed class LocationTokenState
{
    private NeedsAttentionMark? _attention;
    private GhlOAuthTokenSet? _unsaved;

    public LocationTokenState(Func<LocationTokenState, Task> loadStatus) => StatusLoaded = new RunOnce(() => loadStatus(this));

    /// <summary>One renewal at a time per location in this process.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The shared status is read once per process; after that this process keeps its own mark.</summary>
    public RunOnce StatusLoaded { get; }

    /// <summary>Set while the location's current secret is known to be refused.</summary>
    public NeedsAttentionMark? Attention => Volatile.Read(ref _attention);

    /// <summary>
    /// A refreshed pair that could not be written yet. Its refresh token is the only live one, so it is
    /// written before anything else and the stored (spent) refresh token is never used.
    /// </summary>
    public GhlOAuthTokenSet? Unsaved
    {
        get => Volatile.Read(ref _unsaved);
        set => Volatile.Write(ref _unsaved, value);
    }

    public void MarkAttention(NeedsAttentionMark mark) => Volatile.Write(ref _attention, mark);

    /// <summary>Clears <paramref name="expected"/>; false when another caller cleared or replaced it first.</summary>
    public bool TryClearAttention(NeedsAttentionMark expected) => ReferenceEquals(Interlocked.CompareExchange(ref _attention, null, expected), expected);
}
