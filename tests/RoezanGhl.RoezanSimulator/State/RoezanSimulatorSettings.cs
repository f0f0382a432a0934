namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// How the simulator behaves. Tests change it in-process (<see cref="RoezanSimulatorState.Settings"/>,
/// replacing the whole record with <c>with</c>); the command line and other processes with
/// <c>PUT</c>/<c>PATCH /_sim/settings</c>. The simulator reads one consistent instance per request.
/// </summary>
public sealed record RoezanSimulatorSettings
{
    /// <summary>The accounts by id: their API keys and webhook targets.</summary>
    public Dictionary<string, RoezanSimulatorAccount> Accounts { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Region (ISO 3166 alpha-2) in which phone numbers without a country code are read.</summary>
    public string DefaultRegion { get; init; } = "US";

    /// <summary>
    /// True: an upsert's <c>tags</c> and <c>lists</c> replace the contact's; false: they are added
    /// (what Roezan's upsert does is not known; adding is the common behaviour of SMS tools).
    /// </summary>
    public bool ReplaceTagsOnUpsert { get; init; }

    /// <summary>
    /// True: every accepted <c>POST /integrations/contacts</c> sends <c>contact.updated</c>, even when
    /// nothing changed (the harder case for echo suppression); false: only real changes do.
    /// </summary>
    public bool WebhookOnUnchangedUpsert { get; init; } = true;

    /// <summary>Requests per <see cref="RateLimitWindowSeconds"/> per account; 0 turns the limit (and its headers) off.</summary>
    public int RateLimitLimit { get; init; } = 120;

    /// <summary>Length of the fixed rate-limit window, which opens with the first request after the last one closed.</summary>
    public int RateLimitWindowSeconds { get; init; } = 60;

    /// <summary>Whether a 429 carries <c>Retry-After</c> (besides <c>ratelimit-reset</c>).</summary>
    public bool SendRetryAfter { get; init; } = true;

    /// <summary>Share of API requests (0..1) answered 500 before reaching the handler (nothing applied).</summary>
    public double ServerErrorRatio { get; init; }

    /// <summary>The next N API requests are answered 503 before reaching the handler.</summary>
    public int ServerErrorBurst { get; init; }

    /// <summary>Added to every API request before it is answered, in milliseconds (on the simulator's clock).</summary>
    public int LatencyMs { get; init; }

    /// <summary>How a ghost write is answered.</summary>
    public GhostWriteMode GhostWriteMode { get; init; } = GhostWriteMode.ServerError;

    /// <summary>The next N writes are ghost writes: applied (webhooks included), then answered as failed.</summary>
    public int GhostWriteCount { get; init; }

    /// <summary>Share of writes (0..1) that are ghost writes.</summary>
    public double GhostWriteRatio { get; init; }

    /// <summary>Seed of the fault draws, so the same requests meet the same faults in every run.</summary>
    public int Seed { get; init; } = 20240611;

    /// <summary>Keep every API request in memory (<see cref="RoezanSimulatorState.Recorded"/>); off for long runs.</summary>
    public bool RecordInMemory { get; init; }

    /// <summary>Attempts per webhook event before it is given up (status <c>Failed</c>).</summary>
    public int WebhookMaxAttempts { get; init; } = 8;

    /// <summary>Wait before the second attempt; it doubles for each later one, up to <see cref="WebhookRetryMaxDelayMs"/>.</summary>
    public int WebhookRetryBaseDelayMs { get; init; } = 1_000;

    public int WebhookRetryMaxDelayMs { get; init; } = 60_000;

    /// <summary>How long one delivery may take, in wall-clock time (it bounds a real socket).</summary>
    public int WebhookTimeoutMs { get; init; } = 10_000;

    /// <summary>Whether each accepted send is followed by <c>message.status</c> webhooks (Sent, then Delivered or Undelivered).</summary>
    public DeliveryReportMode DeliveryReports { get; init; }

    /// <summary>How long after the send the final status webhook is due, in milliseconds (on the simulator's clock); Sent is due at once.</summary>
    public int DeliveryReportDelayMs { get; init; }

    /// <summary>A copy with <paramref name="accountId"/> added or replaced.</summary>
    public RoezanSimulatorSettings WithAccount(string accountId, string apiKey, string? webhookUrl = null, string? webhookSecret = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        var accounts = new Dictionary<string, RoezanSimulatorAccount>(Accounts, StringComparer.OrdinalIgnoreCase)
        {
            [accountId] = new RoezanSimulatorAccount { ApiKeys = [apiKey], WebhookUrl = webhookUrl, WebhookSecret = webhookSecret },
        };
        return this with { Accounts = accounts };
    }

    /// <summary>What is wrong with these settings, one sentence per problem; empty when they can be used.</summary>
    public IReadOnlyList<string> Problems() => RoezanSimulatorSettingsRules.Check(this);
}
