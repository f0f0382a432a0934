using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness;

/// <summary>One way of getting Roezan events into GHL (ours, or the baseline's), driven the same way by the runner.</summary>
internal interface ISystemUnderLoad : IAsyncDisposable
{
    /// <summary>"ours" or "baseline": the key in results.json.</summary>
    string Key { get; }

    /// <summary>After the simulator holds the world: whatever the system needs to know the same people (ours: its links).</summary>
    Task PrepareAsync(RunContext context, CancellationToken cancellationToken);

    /// <summary>Starts consuming (ours: the queue pump). Called just before the first event.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>An event arrives; returns once the system has accepted (or refused) it.</summary>
    Task DeliverAsync(ScriptedEvent scripted, CancellationToken cancellationToken);

    /// <summary>Waits until every accepted event is done with, or <paramref name="limit"/> has passed.</summary>
    Task DrainAsync(TimeSpan limit, CancellationToken cancellationToken);
}
