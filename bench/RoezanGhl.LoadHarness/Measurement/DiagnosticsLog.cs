using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// A logger provider for the system under load that keeps count of its warnings and errors by event name and
/// the first few error texts, so a run's report can say what went wrong without a console full of logs.
/// </summary>
public sealed class DiagnosticsLog : ILoggerProvider
{
    private const int KeptErrors = 5;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _errors = new();

    /// <summary>Warnings and errors by "Level EventName".</summary>
    public IReadOnlyDictionary<string, int> Counts => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

    public IReadOnlyList<string> FirstErrors => [.. _errors];

    public ILogger CreateLogger(string categoryName) => new Collector(this);

    public void Dispose()
    {
    }

    private void Record(LogLevel level, EventId eventId, string message)
    {
        var name = $"{level} {(string.IsNullOrEmpty(eventId.Name) ? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : eventId.Name)}";
        _counts.AddOrUpdate(name, 1, static (_, count) => count + 1);
        if (level >= LogLevel.Error && _errors.Count < KeptErrors)
        {
            _errors.Enqueue(message);
        }
    }

    private sealed class Collector(DiagnosticsLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Record(logLevel, eventId, formatter(state, exception) + (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
            }
        }
    }
}
