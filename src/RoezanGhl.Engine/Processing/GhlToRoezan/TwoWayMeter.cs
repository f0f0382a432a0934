using System.Diagnostics.Metrics;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>Counts two-way conflicts on the engine's meter (<see cref="CounterName"/>, tagged with the account).</summary>
public sealed class TwoWayMeter
{
    public const string CounterName = "roezanghl.two_way.conflicts";

    private readonly Counter<long> _conflicts;

    public TwoWayMeter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _conflicts = meters.Create(EventOutcomeReporter.MeterName).CreateCounter<long>(CounterName, "{event}", "GHL changes that conflicted with a Roezan change to the same field within the window.");
    }

    public void Count(string accountId) => _conflicts.Add(1, new KeyValuePair<string, object?>("account", accountId));
}
