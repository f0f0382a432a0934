using System.Collections.Concurrent;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Automations;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Storage.Configurations;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The <see cref="IPlanningProfileSource"/> in force: an account's latest configuration saved from the console
/// (<see cref="AccountConfigurationVersions"/>), or, while none was saved, its settings and mapping file
/// (<see cref="AccountPlanningProfiles"/>, the seed). Each instance keeps what it read for
/// <see cref="ConsoleOptions.ConfigurationRefresh"/>, then asks storage for the latest version number (one listing)
/// and reads the document only when the number moved, so a save is in force everywhere within that time and at
/// once on the instance that saved it (<see cref="Invalidate"/>). A stored version that no longer passes the start
/// checks (settings changed under it) is not used: the seed is, and an error is logged. The same reading gives the SMS
/// automations their account settings (<see cref="IAutomationAccountSource"/>), so both planners change version together.
/// </summary>
public sealed partial class VersionedPlanningProfiles : IPlanningProfileSource, IAutomationAccountSource
{
    private readonly ConcurrentDictionary<string, CachedProfile> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly AccountPlanningProfiles _seed;
    private readonly AccountConfigurationVersions _versions;
    private readonly IOptions<RoezanOptions> _accounts;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refresh;
    private readonly ILogger _logger;

    public VersionedPlanningProfiles(AccountPlanningProfiles seed, AccountConfigurationVersions versions, IOptions<RoezanOptions> accounts, IOptions<ConsoleOptions> options, TimeProvider time, ILogger<VersionedPlanningProfiles> logger)
    {
        _seed = seed ?? throw new ArgumentNullException(nameof(seed));
        _versions = versions ?? throw new ArgumentNullException(nameof(versions));
        _accounts = accounts ?? throw new ArgumentNullException(nameof(accounts));
        _refresh = (options ?? throw new ArgumentNullException(nameof(options))).Value.ConfigurationRefresh;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public async ValueTask<PlanningProfile> GetProfileAsync(string accountId, CancellationToken cancellationToken) =>
        (await GetAsync(accountId, cancellationToken).ConfigureAwait(false)).Profile;

    /// <summary>The account's settings with the configuration version in force applied (the settings themselves while none is); null when not configured.</summary>
    public async ValueTask<RoezanAccountOptions?> GetAccountAsync(string accountId, CancellationToken cancellationToken) =>
        _seed.Find(accountId) is null ? null : (await GetAsync(accountId, cancellationToken).ConfigureAwait(false)).Account;

    private async ValueTask<CachedProfile> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        var seed = new CachedProfile(0, _seed.GetProfile(accountId), ConsoleAccounts.Find(_accounts.Value, accountId).Account, DateTimeOffset.MinValue);
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(accountId, out var cached) && now < cached.FreshUntil)
        {
            return cached;
        }

        int latest;
        try
        {
            latest = await _versions.LatestNumberAsync(accountId, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException exception) when (cached is not null)
        {
            // Storage hiccup: keep planning with what this instance read last rather than fail the event.
            LogRefreshFailed(_logger, accountId, cached.Version, exception);
            return cached;
        }

        if (cached is not null && cached.Version == latest)
        {
            return _cache[accountId] = cached with { FreshUntil = now + _refresh };
        }

        var read = latest == 0 ? seed : await ReadAsync(accountId, latest, seed, cancellationToken).ConfigureAwait(false);
        return _cache[accountId] = read with { Version = latest, FreshUntil = now + _refresh };
    }

    /// <summary>Forgets what this instance read of the account: the next event reads the latest version.</summary>
    public void Invalidate(string accountId) => _cache.TryRemove(accountId, out _);

    private async Task<CachedProfile> ReadAsync(string accountId, int version, CachedProfile seed, CancellationToken cancellationToken)
    {
        var stored = await _versions.GetAsync(accountId, version, cancellationToken).ConfigureAwait(false);
        if (stored?.Content is null)
        {
            LogUnusableVersion(_logger, accountId, version, "not found");
            return seed;
        }

        if (!AccountConfigurationJson.TryRead(stored.Content, out var configuration, out var problem))
        {
            LogUnusableVersion(_logger, accountId, version, problem?.ToString() ?? "unreadable");
            return seed;
        }

        var (id, account) = ConsoleAccounts.Find(_accounts.Value, accountId);
        var applied = configuration.ApplyTo(account);
        if (!AccountAutomations.TryBuild(id, applied, out _, out var problems))
        {
            // The paths only: a problem's message may quote the template's text, which stays out of logs.
            LogUnusableVersion(_logger, accountId, version, "its automations fail the start checks at " + string.Join(", ", problems.Select(problem => problem.Path)));
            return seed;
        }

        try
        {
            return seed with { Profile = AccountPlanningProfiles.Build(id, applied), Account = applied };
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            LogUnusableVersion(_logger, accountId, version, exception.Message);
            return seed;
        }
    }

    [LoggerMessage(EventId = 2401, Level = LogLevel.Error, Message = "Configuration version {Version} of account {AccountId} cannot be used ({Problem}); planning with the settings and mapping file instead")]
    private static partial void LogUnusableVersion(ILogger logger, string accountId, int version, string problem);

    [LoggerMessage(EventId = 2402, Level = LogLevel.Warning, Message = "Could not check for a newer configuration of account {AccountId}; planning with version {Version} read before")]
    private static partial void LogRefreshFailed(ILogger logger, string accountId, int version, Exception exception);

    private sealed record CachedProfile(int Version, PlanningProfile Profile, RoezanAccountOptions Account, DateTimeOffset FreshUntil);
}
