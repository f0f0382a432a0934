using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Reconciliation;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The reconciliation timer (<c>Sync:ReconcileSchedule</c>, NCRONTAB, every 15 minutes by default). The host
/// runs a timer function as a singleton across instances; <see cref="Reconciler"/> also takes a blob lease per
/// location, so a run started from the CLI, or one that outlives its schedule, never works a location twice.
/// </summary>
public sealed class ReconcileTimerFunction(Reconciler reconciler)
{
    public const string Name = "ReconcileTimer";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("%Sync:ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await reconciler.RunAllAsync(cancellationToken).ConfigureAwait(false);
    }
}
