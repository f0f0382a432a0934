using RoezanGhl.RoezanSimulator.Webhooks;

namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// The simulator's whole state as a plain class: per account its contacts and messages, the rate
/// windows, the fault plan, recorded requests, counters and the webhook outbox. Endpoints and the
/// simulator admin are thin layers over it, so tests in the same process can arrange and assert on
/// it directly. One lock guards the data; webhook events are enqueued under it, in change order.
/// </summary>
public sealed class RoezanSimulatorState
{
    private readonly Dictionary<string, AccountData> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RateWindow> _windows = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _recorded = [];
    private readonly FaultPlan _faults = new();
    private readonly ChangeSignal _changes = new();
    private RoezanSimulatorSettings _settings;
    private Dictionary<string, string> _accountByKey = [];
    private int _heldByLatency;

    /// <exception cref="ArgumentException">The settings have <see cref="RoezanSimulatorSettings.Problems"/>.</exception>
    public RoezanSimulatorState(RoezanSimulatorSettings? settings = null, TimeProvider? timeProvider = null)
    {
        Time = timeProvider ?? TimeProvider.System;
        _settings = new RoezanSimulatorSettings();
        Settings = settings ?? new RoezanSimulatorSettings();
    }

    public TimeProvider Time { get; }

    public RequestCounters Counters { get; } = new();

    public WebhookOutbox Outbox { get; } = new();

    /// <summary>The current settings. Setting them checks them, then re-arms the fault plan (seed, bursts, ghost-write count).</summary>
    /// <exception cref="ArgumentException">The new settings have <see cref="RoezanSimulatorSettings.Problems"/>.</exception>
    public RoezanSimulatorSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var problems = value.Problems();
            if (problems.Count > 0)
            {
                throw new ArgumentException(string.Join(" ", problems), nameof(value));
            }

            var byKey = value.Accounts
                .SelectMany(account => account.Value.ApiKeys.Select(key => (key, account.Key)))
                .ToDictionary(pair => pair.key, pair => pair.Key, StringComparer.Ordinal);
            lock (Gate)
            {
                _faults.Rearm(value);
                _accountByKey = byKey;
                Volatile.Write(ref _settings, value);
            }
        }
    }

    /// <summary>API requests kept in memory (when <see cref="RoezanSimulatorSettings.RecordInMemory"/>), oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Recorded
    {
        get
        {
            lock (Gate)
            {
                return [.. _recorded];
            }
        }
    }

    /// <summary>API requests being held by <see cref="RoezanSimulatorSettings.LatencyMs"/> right now.</summary>
    public int RequestsHeldByLatency => Volatile.Read(ref _heldByLatency);

    internal Lock Gate { get; } = new();

    public IReadOnlyList<RoezanContact> ContactsOf(string accountId)
    {
        lock (Gate)
        {
            return _accounts.TryGetValue(accountId, out var account) ? account.Contacts : [];
        }
    }

    /// <summary>An account's messages, oldest first.</summary>
    public IReadOnlyList<RoezanMessage> MessagesOf(string accountId)
    {
        lock (Gate)
        {
            return _accounts.TryGetValue(accountId, out var account) ? account.Messages : [];
        }
    }

    /// <summary>The contact with this phone (any format the account's region reads), or null.</summary>
    public RoezanContact? FindContact(string accountId, string phone)
    {
        if (!PhoneNormalizer.TryToE164(phone, Settings.DefaultRegion, out var e164))
        {
            return null;
        }

        lock (Gate)
        {
            return _accounts.TryGetValue(accountId, out var account) ? account.ByPhone(e164) : null;
        }
    }

    /// <summary>Every account's contacts and messages (<c>GET /_sim/state</c>).</summary>
    public Dictionary<string, RoezanAccountState> Snapshot()
    {
        lock (Gate)
        {
            return _accounts.ToDictionary(pair => pair.Key, pair => new RoezanAccountState(pair.Value.Contacts, pair.Value.Messages), StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>Forgets all data, rate windows, recordings, counters and webhook events; keeps the settings and re-arms the fault plan.</summary>
    public void Reset()
    {
        lock (Gate)
        {
            _accounts.Clear();
            _windows.Clear();
            _recorded.Clear();
            _faults.Rearm(_settings);
            Outbox.Clear();
        }

        Counters.Reset();
        Changed();
    }

    /// <summary>Completes when <paramref name="condition"/> holds; checked again after every request and change.</summary>
    public Task WaitUntilAsync(Func<RoezanSimulatorState, bool> condition, CancellationToken cancellationToken = default) =>
        _changes.WaitUntilAsync(() => condition(this), cancellationToken);

    // ---- for the gate, the API and the admin ----------------------------------------------------

    internal void Changed() => _changes.Pulse();

    /// <summary>The configured account (with its configured spelling) that <paramref name="apiKey"/> belongs to.</summary>
    internal string? AccountForKey(string? apiKey)
    {
        lock (Gate)
        {
            return apiKey is not null && _accountByKey.TryGetValue(apiKey, out var accountId) ? accountId : null;
        }
    }

    /// <summary>The configured spelling of <paramref name="accountId"/>, or null when no such account is configured.</summary>
    internal string? ConfiguredAccount(string accountId) =>
        Settings.Accounts.Keys.FirstOrDefault(key => string.Equals(key, accountId, StringComparison.OrdinalIgnoreCase));

    /// <summary>The data of an account, created on first use. Call under <see cref="Gate"/>.</summary>
    internal AccountData Account(string accountId)
    {
        if (!_accounts.TryGetValue(accountId, out var account))
        {
            account = new AccountData();
            _accounts[accountId] = account;
        }

        return account;
    }

    /// <summary>
    /// Uses up what is left of the account's current rate window, as another client of the same account would (a 429
    /// storm the app cannot pace itself out of); returns how many requests that took. Not recorded or counted as requests.
    /// </summary>
    public int UseUpRateLimit(string accountId)
    {
        var bucket = ConfiguredAccount(accountId) ?? throw new ArgumentException($"Account '{accountId}' is not configured.", nameof(accountId));
        var used = 0;
        while (_settings.RateLimitLimit > 0 && CountRequest(bucket).Allowed)
        {
            used++;
        }

        return used;
    }

    internal RateDecision CountRequest(string bucket)
    {
        lock (Gate)
        {
            if (!_windows.TryGetValue(bucket, out var window))
            {
                window = new RateWindow();
                _windows[bucket] = window;
            }

            return window.TryTake(Time.GetUtcNow(), _settings.RateLimitLimit, TimeSpan.FromSeconds(_settings.RateLimitWindowSeconds));
        }
    }

    internal int? NextServerError()
    {
        lock (Gate)
        {
            return _faults.NextServerError(_settings);
        }
    }

    /// <summary>Call under <see cref="Gate"/>, right after the write was applied.</summary>
    internal bool NextGhostWrite() => _faults.NextGhostWrite(_settings);

    internal void Record(RecordedRequest request)
    {
        lock (Gate)
        {
            if (_settings.RecordInMemory)
            {
                _recorded.Add(request);
            }
        }

        Changed();
    }

    internal void HoldForLatency(int change)
    {
        Interlocked.Add(ref _heldByLatency, change);
        Changed();
    }

    internal string NewId(string prefix) => $"{prefix}_{Guid.CreateVersion7(Time.GetUtcNow()):N}";

    /// <summary>
    /// Adds a webhook event for <paramref name="accountId"/>, due at once or at <paramref name="dueAt"/>. Call under
    /// <see cref="Gate"/>, so events keep the order of the changes.
    /// </summary>
    internal void Publish(string accountId, string type, Func<string, string> body, DateTimeOffset? dueAt = null)
    {
        var id = NewId("evt");
        var target = Settings.Accounts.GetValueOrDefault(accountId)?.WebhookUrl;
        Outbox.Enqueue(new WebhookEvent
        {
            Id = id,
            AccountId = accountId,
            Type = type,
            Body = body(id),
            CreatedAt = Time.GetUtcNow(),
            Status = target is null ? WebhookEventStatus.NoTarget : WebhookEventStatus.Pending,
            NextAttemptAt = dueAt,
        });
    }
}
