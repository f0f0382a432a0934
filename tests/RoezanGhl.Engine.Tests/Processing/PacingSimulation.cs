using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Sync;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.RateLimiting;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Tests.Processing;

/// <summary>
/// The door, the queue, the host's pump and the processor in fake time, with the app's own pacer, permit schedule,
/// admission and GHL rate limiter (GHL's limits: 100 requests per 10 s, the 200 ms safety margin): events go through
/// <see cref="DoorPacer"/> onto a queue of messages with a visibility time; the pump reads visible messages in the
/// order they became visible, then were sent, as Azurite does (16 at a time once 8 or fewer run, 24 at most); a delivery takes <see cref="ReadTime"/> to
/// read, then asks <see cref="LocationAdmission"/>; a put-back goes back on the queue as a new message; an admitted
/// delivery takes its calls' permits from the limiter one after another, each answered after <see cref="CallTime"/>.
/// Steps of 10 ms; nothing runs on the wall clock.
/// </summary>
internal sealed class PacingSimulation : IDisposable
{
    public static readonly TimeSpan ReadTime = TimeSpan.FromMilliseconds(60);
    public static readonly TimeSpan CallTime = TimeSpan.FromMilliseconds(120);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(10);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
    private readonly GhlRateLimiter _limiter;
    private readonly PermitSchedule _schedule;
    private readonly DoorPacer _pacer;
    private readonly LocationAdmission _admission;
    private readonly List<Message> _queue = [];
    private readonly List<Delivery> _running = [];
    private readonly List<(DateTimeOffset At, string EventId, string LocationId, int Calls)> _arrivals = [];
    private long _sent;

    public PacingSimulation(IEnumerable<string> locationIds)
    {
        var ghl = Options.Create(new GhlOptions());
        var accounts = new RoezanOptions();
        foreach (var locationId in locationIds)
        {
            accounts.Accounts["acct-" + locationId] = new RoezanAccountOptions { GhlLocationId = locationId };
        }

        var admission = Options.Create(new LocationAdmissionOptions());
        _limiter = new GhlRateLimiter(ghl, _time);
        _schedule = new PermitSchedule(_limiter, ghl, Options.Create(accounts), _time);
        _pacer = new DoorPacer(_schedule, admission, Options.Create(accounts));
        _admission = new LocationAdmission(_limiter, _schedule, admission, _time);
        Start = _time.GetUtcNow();
    }

    public DateTimeOffset Start { get; }

    /// <summary>When each location's GHL requests were sent.</summary>
    public Dictionary<string, List<DateTimeOffset>> Calls { get; } = [];

    /// <summary>Accepted at the door → settled, per event.</summary>
    public Dictionary<string, (DateTimeOffset Accepted, DateTimeOffset? Settled)> Events { get; } = [];

    /// <summary>Deliveries read from the queue (put-backs included).</summary>
    public int Reads { get; private set; }

    public void Dispose() => _limiter.Dispose();

    /// <summary>Schedules an event of <paramref name="locationId"/> costing <paramref name="calls"/> GHL calls to arrive at the door <paramref name="after"/> the start.</summary>
    public void Arrives(TimeSpan after, string eventId, string locationId, int calls) => _arrivals.Add((Start + after, eventId, locationId, calls));

    /// <summary>Runs until every event is settled or <paramref name="limit"/> has passed.</summary>
    public void Run(TimeSpan limit)
    {
        _arrivals.Sort((x, y) => x.At.CompareTo(y.At));
        var next = 0;
        while (_time.GetUtcNow() - Start < limit && (next < _arrivals.Count || Events.Values.Any(e => e.Settled is null)))
        {
            var now = _time.GetUtcNow();
            for (; next < _arrivals.Count && _arrivals[next].At <= now; next++)
            {
                Accept(_arrivals[next], now);
            }

            foreach (var delivery in _running.ToList())
            {
                Progress(delivery, now);
            }

            Pump(now);
            _time.Advance(Step);
        }
    }

    /// <summary>Requests sent for <paramref name="locationId"/> in each whole 10 s window from the start, up to its last request's window (excluded).</summary>
    public IReadOnlyList<int> FullWindows(string locationId)
    {
        var calls = Calls.GetValueOrDefault(locationId) ?? [];
        if (calls.Count == 0)
        {
            return [];
        }

        var windows = (int)((calls.Max() - Start).Ticks / TimeSpan.FromSeconds(10).Ticks);
        return [.. Enumerable.Range(0, windows).Select(w => calls.Count(at => (int)((at - Start).Ticks / TimeSpan.FromSeconds(10).Ticks) == w))];
    }

    private void Accept((DateTimeOffset At, string EventId, string LocationId, int Calls) arrival, DateTimeOffset now)
    {
        Events[arrival.EventId] = (now, null);
        var delay = _pacer.DelayFor(arrival.EventId, "acct-" + arrival.LocationId, SyncDirection.RoezanToGhl);
        Send(new Message(arrival.EventId, arrival.LocationId, arrival.Calls), now + delay);
    }

    private void Send(Message message, DateTimeOffset visibleAt) => _queue.Add(message with { VisibleAt = visibleAt, Sequence = _sent++ });

    // Like the host: a new batch once 8 or fewer run, at most 16 at a time and 24 in all, the longest visible first.
    private void Pump(DateTimeOffset now)
    {
        if (_running.Count > 8)
        {
            return;
        }

        var batch = _queue.Where(m => m.VisibleAt <= now).OrderBy(m => m.VisibleAt).ThenBy(m => m.Sequence).Take(Math.Min(16, 24 - _running.Count)).ToList();
        foreach (var message in batch)
        {
            _queue.Remove(message);
            _running.Add(new Delivery(message, now + ReadTime));
            Reads++;
        }
    }

    private void Progress(Delivery delivery, DateTimeOffset now)
    {
        var message = delivery.Message;
        if (delivery.Ticket is null)
        {
            if (now < delivery.ReadAt)
            {
                return;
            }

            var ticket = _admission.Admit(AdmissionDeliveries.For(message.EventId, message.LocationId));
            if (ticket.Verdict is { } putBack)
            {
                _running.Remove(delivery);
                Send(message, now + putBack.Delay);
                return;
            }

            delivery.Ticket = ticket;
        }

        if (delivery.Permit is not null)
        {
            if (now < delivery.AnsweredAt)
            {
                return;
            }

            delivery.Permit.Dispose();
            delivery.Permit = null;
            if (--delivery.CallsLeft == 0)
            {
                Settle(delivery, now);
                return;
            }
        }

        // Waits in the limiter: a permit free now is granted at once (the acquisition completes synchronously).
        if (_limiter.ExpectedWait(message.LocationId) == TimeSpan.Zero)
        {
            var acquiring = _limiter.AcquireAsync(message.LocationId, GhlRequestPriority.Normal, CancellationToken.None).AsTask();
            Assert.True(acquiring.IsCompletedSuccessfully, "A free permit is granted at once.");
            delivery.Permit = acquiring.Result;
            delivery.AnsweredAt = now + CallTime;
            (Calls.TryGetValue(message.LocationId, out var calls) ? calls : Calls[message.LocationId] = []).Add(now);
        }
    }

    private void Settle(Delivery delivery, DateTimeOffset now)
    {
        var message = delivery.Message;
        delivery.Ticket!.Dispose();
        _running.Remove(delivery);
        Events[message.EventId] = (Events[message.EventId].Accepted, now);
        _schedule.OnOutcome(new EventOutcome
        {
            EventId = message.EventId,
            AccountId = "acct-" + message.LocationId,
            Direction = SyncDirection.RoezanToGhl,
            Kind = EventOutcomeKind.Applied,
            Status = EventLedgerStatus.Applied,
            StepsRun = message.Calls,
        });
    }

    private sealed record Message(string EventId, string LocationId, int Calls)
    {
        public DateTimeOffset VisibleAt { get; init; }

        public long Sequence { get; init; }
    }

    private sealed class Delivery(Message message, DateTimeOffset readAt)
    {
        public Message Message { get; } = message;

        public DateTimeOffset ReadAt { get; } = readAt;

        public AdmissionTicket? Ticket { get; set; }

        public GhlRateLimitPermit? Permit { get; set; }

        public DateTimeOffset AnsweredAt { get; set; }

        public int CallsLeft { get; set; } = message.Calls;
    }
}
