namespace RoezanGhl.Core.Sync;

/// <summary>
/// Where an event comes from and where its changes go. Every event so far is <see cref="RoezanToGhl"/>; the
/// engine (ledger, leases, requeue, re-drive, outcomes) carries the direction instead of assuming it, and picks
/// the direction's applier, so that GHL → Roezan is one more applier rather than a second engine.
/// </summary>
public sealed record SyncDirection(SyncSystem Source, SyncSystem Target)
{
    /// <summary>Roezan events applied to GHL: what a message or ledger row that names no direction means.</summary>
    public static SyncDirection RoezanToGhl { get; } = new(SyncSystem.Roezan, SyncSystem.Ghl);

    /// <summary>GHL events applied to Roezan.</summary>
    public static SyncDirection GhlToRoezan { get; } = new(SyncSystem.Ghl, SyncSystem.Roezan);

    /// <summary>The direction a stored or queued pair names, each side defaulting to Roezan → GHL when absent.</summary>
    public static SyncDirection Of(SyncSystem? source, SyncSystem? target) =>
        new(source ?? SyncSystem.Roezan, target ?? SyncSystem.Ghl);

    /// <summary>For logs and metric tags: <c>roezan-&gt;ghl</c>.</summary>
    public override string ToString() => $"{Name(Source)}->{Name(Target)}";

    /// <summary>The lower-case name used on queue messages, in logs and in metric tags.</summary>
    public static string Name(SyncSystem system) => system.ToString().ToLowerInvariant();
}
