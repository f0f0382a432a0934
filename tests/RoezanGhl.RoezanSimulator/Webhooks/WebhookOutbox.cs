using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>
/// Every webhook event the simulator produced, in order, with its delivery state. Changes enqueue
/// events while they hold the state's lock, before the API answers, so once a caller has its answer,
/// <see cref="WaitUntilDrainedAsync"/> covers the events that answer caused. The
/// <see cref="WebhookDispatcher"/> takes due events one at a time; a failed attempt is retried after
/// a doubling delay (or the receiver's longer <c>Retry-After</c>) on the simulator's clock, so tests
/// with a <c>FakeTimeProvider</c> release retries by advancing it.
/// </summary>
public sealed class WebhookOutbox
{
    private readonly Lock _gate = new();
    private readonly List<WebhookEvent> _events = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inFlight = new(StringComparer.Ordinal);
    private readonly List<WebhookAttempt> _attempts = [];
    private readonly ChangeSignal _changes = new();

    public IReadOnlyList<WebhookEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<WebhookAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>Events still to be delivered (waiting or being sent).</summary>
    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _events.Count(entry => entry.Status == WebhookEventStatus.Pending);
            }
        }
    }

    /// <summary>Completes when no event is pending: each was delivered, given up, or has no target.</summary>
    public Task WaitUntilDrainedAsync(CancellationToken cancellationToken = default) =>
        WaitUntilAsync(outbox => outbox.PendingCount == 0, cancellationToken);

    /// <summary>Completes when <paramref name="condition"/> holds; it is checked again after every outbox change.</summary>
    public Task WaitUntilAsync(Func<WebhookOutbox, bool> condition, CancellationToken cancellationToken = default) =>
        _changes.WaitUntilAsync(() => condition(this), cancellationToken);

    /// <summary>Completes on the next change (an event added, an attempt finished), for the dispatcher.</summary>
    internal Task NextChange => _changes.Next;

    internal void Enqueue(WebhookEvent entry)
    {
        lock (_gate)
        {
            _index[entry.Id] = _events.Count;
            _events.Add(entry);
        }

        _changes.Pulse();
    }

    /// <summary>The oldest due pending event not being sent (now marked as being sent), else when the next one is due.</summary>
    internal (WebhookEvent? Due, DateTimeOffset? NextDueAt) TakeNextDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            DateTimeOffset? nextDue = null;
            foreach (var entry in _events)
            {
                if (entry.Status != WebhookEventStatus.Pending || _inFlight.Contains(entry.Id))
                {
                    continue;
                }

                var dueAt = entry.NextAttemptAt ?? entry.CreatedAt;
                if (dueAt <= now)
                {
                    _inFlight.Add(entry.Id);
                    return (entry, null);
                }

                nextDue = nextDue is null || dueAt < nextDue ? dueAt : nextDue;
            }

            return (null, nextDue);
        }
    }

    /// <summary>Records an attempt's outcome: delivered, given up after the last attempt, or due again after a delay.</summary>
    internal void Finish(string eventId, WebhookAttemptOutcome outcome, DateTimeOffset now, RoezanSimulatorSettings settings)
    {
        lock (_gate)
        {
            _inFlight.Remove(eventId);
            if (!_index.TryGetValue(eventId, out var position))
            {
                return; // reset while it was being sent
            }

            var entry = _events[position];
            var attempts = entry.Attempts + 1;
            _attempts.Add(new WebhookAttempt(eventId, attempts, now, outcome.StatusCode, outcome.Error, outcome.Delivered));
            _events[position] = entry with
            {
                Attempts = attempts,
                LastStatusCode = outcome.StatusCode,
                LastError = outcome.Error,
                Status = outcome.NoTarget ? WebhookEventStatus.NoTarget
                    : outcome.Delivered ? WebhookEventStatus.Delivered
                    : attempts >= settings.WebhookMaxAttempts ? WebhookEventStatus.Failed
                    : WebhookEventStatus.Pending,
                NextAttemptAt = outcome.Delivered || outcome.NoTarget || attempts >= settings.WebhookMaxAttempts
                    ? null
                    : now + RetryDelay(attempts, outcome.RetryAfter, settings),
            };
        }

        _changes.Pulse();
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _events.Clear();
            _index.Clear();
            _attempts.Clear();
        }

        _changes.Pulse();
    }

    /// <summary>Base, 2×base, 4×base… capped; a longer <c>Retry-After</c> from the receiver wins (still capped).</summary>
    internal static TimeSpan RetryDelay(int attemptsMade, TimeSpan? retryAfter, RoezanSimulatorSettings settings)
    {
        var max = TimeSpan.FromMilliseconds(settings.WebhookRetryMaxDelayMs);
        var backoff = TimeSpan.FromMilliseconds(settings.WebhookRetryBaseDelayMs * Math.Pow(2, Math.Min(attemptsMade - 1, 30)));
        var delay = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return delay > max ? max : delay;
    }
}
