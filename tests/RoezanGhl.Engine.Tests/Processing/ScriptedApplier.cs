using System.Collections.Concurrent;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>An applier for one direction that answers each delivery as the test's script says and remembers what it was given.</summary>
internal sealed class ScriptedApplier(SyncDirection direction, Func<EventDelivery, EventVerdict> script) : IEventApplier
{
    private readonly ConcurrentQueue<string> _applied = new();

    public SyncDirection Direction => direction;

    /// <summary>The event ids of the deliveries it applied, in order.</summary>
    public IReadOnlyList<string> Applied => [.. _applied];

    public Task<EventVerdict> ApplyAsync(EventDelivery delivery, CancellationToken cancellationToken)
    {
        _applied.Enqueue(delivery.EventId);
        return Task.FromResult(script(delivery));
    }

    public AttemptFailure DescribeFailure(Exception exception) => new($"scripted: {exception.Message}", "trace-scripted");
}
