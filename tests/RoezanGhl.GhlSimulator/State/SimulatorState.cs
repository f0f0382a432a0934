using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// The simulator's whole state as a plain class: locations with their contacts, notes, tasks and
/// appointments, rate windows, fault settings, counters and recorded requests. The HTTP endpoints are
/// thin wrappers over its methods, so tests in the same process can arrange and assert on it directly.
/// Thread-safe: one lock guards the data.
/// </summary>
public sealed partial class SimulatorState
{
    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly string[] SearchableFields = ["firstName", "lastName", "email", "phone", "companyName"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, SimulatedLocation> _locations = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _recorded = [];
    private SimulatorSettings _settings;
    private Random _random;
    private int _serverErrorsLeft;
    private int _ghostWritesLeft;

    private bool _creating;
    private bool _seeding;

    public SimulatorState(SimulatorSettings? settings = null, TimeProvider? timeProvider = null)
    {
        Time = timeProvider ?? TimeProvider.System;
        _settings = settings ?? new SimulatorSettings();
        _random = new Random(_settings.Seed);
        _serverErrorsLeft = _settings.ServerErrorBurst;
        _ghostWritesLeft = _settings.GhostWriteCount;
        Counters = new SimulatorCounters(Time.GetUtcNow());
        Conversations = new SimulatedConversations(this);
    }

    public TimeProvider Time { get; }

    /// <summary>
    /// Raised, under the state's lock, for each contact created, changed or deleted through the API or by a GHL user
    /// (not by seeds): the GHL event type and a copy of the contact. <see cref="Webhooks.GhlWebhookSender"/> turns it
    /// into signed webhooks; a handler must only queue, never block.
    /// </summary>
    public event Action<string, JsonObject>? ContactChanged;

    public SimulatorCounters Counters { get; }

    /// <summary>Each location's custom field definitions (<c>GET /locations/{locationId}/customFields</c>).</summary>
    public SimulatedCustomFields CustomFields { get; } = new();

    /// <summary>Each contact's conversation and its messages (the Conversations API).</summary>
    public SimulatedConversations Conversations { get; }

    /// <summary>The current settings. Setting them re-arms the error burst and ghost-write counts.</summary>
    public SimulatorSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            lock (_gate)
            {
                if (value.Seed != _settings.Seed)
                {
                    _random = new Random(value.Seed);
                }

                _settings = value;
                _serverErrorsLeft = value.ServerErrorBurst;
                _ghostWritesLeft = value.GhostWriteCount;
            }
        }
    }

    /// <summary>Requests recorded in memory (when <see cref="SimulatorSettings.RecordInMemory"/>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recorded
    {
        get
        {
            lock (_gate)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>Forgets all data, counters, recordings and rate windows; keeps the settings.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _locations.Clear();
            _recorded.Clear();
            _random = new Random(_settings.Seed);
            _serverErrorsLeft = _settings.ServerErrorBurst;
            _ghostWritesLeft = _settings.GhostWriteCount;
        }

        Conversations.Clear();
        Counters.Reset(Time.GetUtcNow());
    }

    // ---- gate -----------------------------------------------------------------------------------

    public void Record(RecordedRequest request)
    {
        lock (_gate)
        {
            if (_settings.RecordInMemory)
            {
                _recorded.Add(request);
            }
        }
    }

    /// <summary>Counts a request against <paramref name="locationKey"/>'s limits.</summary>
    public RateDecision CountRequest(string locationKey)
    {
        lock (_gate)
        {
            return Location(locationKey).Window.TryTake(Time.GetUtcNow(), _settings);
        }
    }

    /// <summary>
    /// Uses up what is left of every known location's current rate window (a request naming no location counts against
    /// one too), as another app sharing the budget would: a 429 storm the app cannot pace itself out of. Returns how many
    /// requests that took; they are not recorded or counted as requests.
    /// </summary>
    public int UseUpRateLimits()
    {
        lock (_gate)
        {
            var used = 0;
            var now = Time.GetUtcNow();
            foreach (var location in _settings.RateLimitMax > 0 ? _locations.Values.ToList() : [])
            {
                while (location.Window.TryTake(now, _settings).Allowed)
                {
                    used++;
                }
            }

            return used;
        }
    }

    /// <summary>Whether this request is to fail with a 5xx before reaching its handler.</summary>
    public bool NextServerError()
    {
        lock (_gate)
        {
            if (_serverErrorsLeft > 0)
            {
                _serverErrorsLeft--;
                return true;
            }

            return _settings.ServerErrorRatio > 0 && _random.NextDouble() < _settings.ServerErrorRatio;
        }
    }

    // ---- hooks for SimulatedConversations (each takes the lock) ----------------------------------

    /// <summary>The location holding <paramref name="contactId"/>, or null when no location has it.</summary>
    internal string? LocationOfContact(string contactId)
    {
        lock (_gate)
        {
            return _locations.Values.FirstOrDefault(location => location.Contacts.ContainsKey(contactId))?.Id;
        }
    }

    /// <summary>The 403 or "Location is not active" answer a token of <paramref name="tokenLocation"/> gets at <paramref name="locationId"/>, or null.</summary>
    internal SimResponse? Refusal(string? tokenLocation, string locationId)
    {
        lock (_gate)
        {
            return Authorize(tokenLocation, locationId);
        }
    }

    /// <summary><paramref name="applied"/>, or the configured ghost-write answer in its place (the write stays applied).</summary>
    internal SimResponse GhostOrApplied(SimResponse applied)
    {
        lock (_gate)
        {
            return GhostOr(applied);
        }
    }

    internal string NewIdentifier()
    {
        lock (_gate)
        {
            return NewId();
        }
    }

    // ---- helpers (call under _gate) -------------------------------------------------------------

    private SimulatedLocation Location(string id)
    {
        if (!_locations.TryGetValue(id, out var location))
        {
            location = new SimulatedLocation(id);
            _locations[id] = location;
        }

        return location;
    }

    // Validates a body that names its location, then runs `action` on that location under the lock.
    private SimResponse InBodyLocation(string? tokenLocation, JsonObject body, IReadOnlyCollection<string> allowed, Func<SimulatedLocation, SimResponse> action)
    {
        if (Validate(body, allowed, ["locationId"]) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            return Authorize(tokenLocation, Text(body, "locationId")) ?? action(Location(Text(body, "locationId")!));
        }
    }

    private SimResponse? Authorize(string? tokenLocation, string? locationId)
    {
        if (tokenLocation is not null && locationId is not null && !string.Equals(tokenLocation, locationId, StringComparison.Ordinal))
        {
            return SimResponse.Error(403, "The token does not have access to this location.");
        }

        if (locationId is not null && _settings.InactiveLocations.Contains(locationId))
        {
            return SimResponse.Error(400, "Location is not active");
        }

        return null;
    }

    private SimResponse WithContact(string? tokenLocation, string contactId, Func<SimulatedLocation, JsonObject, SimResponse> action)
    {
        foreach (var location in _locations.Values)
        {
            if (location.Contacts.TryGetValue(contactId, out var contact))
            {
                return Authorize(tokenLocation, location.Id) ?? action(location, contact);
            }
        }

        return SimResponse.Error(404, "Contact not found");
    }

    private SimResponse WithChild(string? tokenLocation, string contactId, string childId, ChildKind kind, Func<JsonObject, SimResponse> action) =>
        WithContact(tokenLocation, contactId, (location, _) =>
            Children(location, kind, contactId).FirstOrDefault(child => Text(child, "id") == childId) is { } child
                ? action(child)
                : SimResponse.Error(404, $"{kind} not found"));

    private static List<JsonObject> Children(SimulatedLocation location, ChildKind kind, string contactId)
    {
        var byContact = kind switch
        {
            ChildKind.Note => location.Notes,
            ChildKind.Task => location.Tasks,
            _ => location.Appointments,
        };
        if (!byContact.TryGetValue(contactId, out var list))
        {
            list = [];
            byContact[contactId] = list;
        }

        return list;
    }
}
