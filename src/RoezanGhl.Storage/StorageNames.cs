namespace RoezanGhl.Storage;

/// <summary>
/// Every table, queue and blob container the app uses in its storage account, by name, in one place: the app's
/// stores, the tests' teardown and the infra test (the Bicep template provisions exactly these) all read them
/// here. Tables are named <c>{Sync:TablePrefix}{name}</c>; the queues and the claim-check container after
/// <c>Sync:EventsQueue</c>; the lease container is <c>GhlOAuth:LeaseContainer</c>; the configurations container after the
/// table prefix.
/// </summary>
public sealed class StorageNames
{
    /// <summary>The lease container when <see cref="LeaseContainerSetting"/> is not set.</summary>
    public const string DefaultLeaseContainer = "roezan-ghl-leases";

    /// <summary>
    /// The setting that names the lease container (token refresh locks and reconcile leases). It sits in the
    /// <c>GhlOAuth</c> section, where it was first needed; <c>GhlOAuthOptions</c> validates it on start.
    /// </summary>
    public const string LeaseContainerSetting = "GhlOAuth:LeaseContainer";

    public StorageNames(string tablePrefix, string eventsQueue, string leaseContainer)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(eventsQueue);
        ArgumentNullException.ThrowIfNull(leaseContainer);
        TablePrefix = tablePrefix;
        EventsQueue = eventsQueue;
        LeaseContainer = leaseContainer;
    }

    /// <summary>The names for the default settings (what the Bicep template provisions).</summary>
    public static StorageNames Defaults { get; } = From(new SyncOptions(), null);

    /// <summary>The prefix every table name starts with (<c>Sync:TablePrefix</c>).</summary>
    public string TablePrefix { get; }

    /// <summary>The event ledger, which also holds the reconcile run summaries (partition <c>~reconcile</c>).</summary>
    public string EventsTable => TablePrefix + "Events";

    /// <summary>Identity links, contact state, task links and leases, partitioned by GHL location.</summary>
    public string LinksTable => TablePrefix + "Links";

    /// <summary>The reconciler's cursors.</summary>
    public string CursorsTable => TablePrefix + "Cursors";

    /// <summary>The GHL locations' needs-attention marks.</summary>
    public string LocationStatusTable => TablePrefix + "LocationStatus";

    /// <summary>The OAuth install states already used.</summary>
    public string OAuthStatesTable => TablePrefix + "OAuthStates";

    /// <summary>The SMS automations' send ledger and schedule (one row per planned text) and their day counters.</summary>
    public string SmsSendsTable => TablePrefix + "SmsSends";

    /// <summary>The queue the webhook writes to and the processor reads (<c>Sync:EventsQueue</c>).</summary>
    public string EventsQueue { get; }

    /// <summary>Where the Functions host moves a message after maxDequeueCount failed attempts (it names it <c>{queue}-poison</c>).</summary>
    public string PoisonQueue => EventsQueue + "-poison";

    /// <summary>The claim-check container: events too large for one queue message.</summary>
    public string PayloadsContainer => EventsQueue + "-payloads";

    /// <summary>Sync state too large for a table row: big plans on ledger rows, big applied values on link rows (<see cref="StateBlobs"/>).</summary>
    public string StateContainer => EventsQueue + "-state";

    /// <summary>Blob leases: the GHL token refresh lock and the reconciler's per-location lease.</summary>
    public string LeaseContainer { get; }

    /// <summary>The accounts' configurations saved from the console, one blob per version (<c>{prefix in lower case}-configurations</c>).</summary>
    public string ConfigurationsContainer => TablePrefix.ToLowerInvariant() + "-configurations";

    public IReadOnlyList<string> Tables => [EventsTable, LinksTable, CursorsTable, LocationStatusTable, OAuthStatesTable, SmsSendsTable];

    public IReadOnlyList<string> Queues => [EventsQueue, PoisonQueue];

    public IReadOnlyList<string> BlobContainers => [PayloadsContainer, StateContainer, LeaseContainer, ConfigurationsContainer];

    /// <summary>The names for the <c>Sync</c> settings and the lease container setting (null: the default).</summary>
    public static StorageNames From(SyncOptions sync, string? leaseContainer)
    {
        ArgumentNullException.ThrowIfNull(sync);
        return new StorageNames(sync.TablePrefix, sync.EventsQueue, leaseContainer ?? DefaultLeaseContainer);
    }
}
