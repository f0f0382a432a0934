namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// How the simulator behaves. Tests change it in-process (<see cref="SimulatorState.Settings"/>);
/// the command line and the benchmark change it with <c>PUT /_sim/settings</c>. Replace the whole
/// object to change it: the simulator reads one consistent instance per request.
/// </summary>
public sealed record SimulatorSettings
{
    /// <summary>Accepted bearer tokens and the location each one belongs to. Empty: any non-empty token is accepted.</summary>
    public Dictionary<string, string> Tokens { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Tokens GHL now rejects with 401 (an expired OAuth token, a rotated PIT).</summary>
    public HashSet<string> ExpiredTokens { get; init; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Scopes of tokens that have only some (a Private Integration or an app installed without a scope): a call that needs
    /// a scope the token lacks (<see cref="SimulatedScopes.Required"/>) answers 401 "The token is not authorized for this
    /// scope." A token not listed has every scope.
    /// </summary>
    public Dictionary<string, HashSet<string>> TokenScopes { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Accepted values of the <c>Version</c> header.</summary>
    public HashSet<string> Versions { get; init; } = new(StringComparer.Ordinal) { "2021-07-28" };

    /// <summary>Accepted values of the <c>Version</c> header on the Conversations API (<c>/conversations/…</c>).</summary>
    public HashSet<string> ConversationVersions { get; init; } = new(StringComparer.Ordinal) { "2021-04-15" };

    /// <summary>
    /// The conversation provider id of the marketplace app's SMS provider, the same for every location. An inbound
    /// message naming another id fails (400); one naming none answers 201 with an empty body and adds nothing, as GHL does.
    /// </summary>
    public string ConversationProviderId { get; init; } = "sim-sms-provider";

    /// <summary>
    /// Every inbound message answers 201 with an empty body and adds nothing, whatever its provider id: GHL's answer to
    /// a provider it does not take the message for (reported for custom providers set up without the id).
    /// </summary>
    public bool InboundAddsNothing { get; init; }

    /// <summary>How long after a message was created GHL refuses its status update (400), in milliseconds.</summary>
    public int StatusUpdateRefusalMs { get; init; }

    /// <summary>Where the provider's outbound messages are posted (ProviderOutboundMessage), or null for nowhere.</summary>
    public Uri? ProviderDeliveryUrl { get; init; }

    /// <summary>Locations that answer 400 "Location is not active" (billing lapsed).</summary>
    public HashSet<string> InactiveLocations { get; init; } = new(StringComparer.Ordinal);

    /// <summary>False: a create whose email or phone is taken answers 400 with <c>meta.contactId</c>, as GHL does by default.</summary>
    public bool AllowDuplicates { get; init; }

    /// <summary>Requests per <see cref="RateLimitIntervalMs"/> per location; 0 turns the burst limit off.</summary>
    public int RateLimitMax { get; init; } = 100;

    public int RateLimitIntervalMs { get; init; } = 10_000;

    /// <summary>Requests per day per location; 0 turns the daily limit off.</summary>
    public long DailyLimit { get; init; } = 200_000;

    /// <summary>Whether a 429 carries <c>Retry-After</c> (GHL does not promise it).</summary>
    public bool SendRetryAfter { get; init; } = true;

    /// <summary>Share of requests (0..1) answered 500 before reaching the handler (nothing applied).</summary>
    public double ServerErrorRatio { get; init; }

    /// <summary>The next N requests are answered 503 before reaching the handler (a burst).</summary>
    public int ServerErrorBurst { get; init; }

    /// <summary>Added to every request's time, in milliseconds.</summary>
    public int LatencyMs { get; init; }

    /// <summary>How a ghost write answers a create that was applied: 500, 422, or a dropped connection.</summary>
    public GhostWriteMode GhostWriteMode { get; init; } = GhostWriteMode.ServerError;

    /// <summary>The next N creates (contact, note, task, or an upsert that creates) are ghost writes.</summary>
    public int GhostWriteCount { get; init; }

    /// <summary>Share of creates (0..1) that are ghost writes.</summary>
    public double GhostWriteRatio { get; init; }

    /// <summary>Seed of the random choices (fault ratios, ids), so a run can be repeated.</summary>
    public int Seed { get; init; } = 20210728;

    /// <summary>Keep every request in memory (<see cref="SimulatorState.Recorded"/>) for contract checks; off for long runs.</summary>
    public bool RecordInMemory { get; init; }
}
