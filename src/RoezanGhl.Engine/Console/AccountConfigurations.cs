using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.Storage.Configurations;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The console's view of each account's configuration: what is in force, its versions, a check of a candidate with
/// the start validators, and saving or restoring a version (ETag-guarded by <see cref="AccountConfigurationVersions"/>).
/// A saved version is in force at once on this instance and within <see cref="ConsoleOptions.ConfigurationRefresh"/>
/// on every other (<see cref="VersionedPlanningProfiles"/>); the settings and mapping file stay the seed.
/// </summary>
public sealed partial class AccountConfigurations(
    IOptions<RoezanOptions> options,
    AccountConfigurationVersions versions,
    AccountConfigurationValidator validator,
    VersionedPlanningProfiles profiles,
    TimeProvider time,
    ILogger<AccountConfigurations> logger)
{
    /// <summary>The configuration in force for the account (<see cref="UnknownAccountException"/> when it is not configured).</summary>
    public async Task<EffectiveConfiguration> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        var (id, account) = ConsoleAccounts.Find(options.Value, accountId);
        var latest = await versions.GetLatestAsync(id, cancellationToken).ConfigureAwait(false);
        if (latest?.Content is { } content && AccountConfigurationJson.TryRead(content, out var configuration, out _))
        {
            return new EffectiveConfiguration(id, account.GhlLocationId, latest.Version, $"version {latest.Version}, saved by {latest.SavedBy} at {latest.SavedAt:u}", configuration);
        }

        var source = string.IsNullOrWhiteSpace(options.Value.MappingFile) ? "the app settings (no version saved yet)" : "the app settings and the mapping file (no version saved yet)";
        return new EffectiveConfiguration(id, account.GhlLocationId, latest?.Version ?? 0, source, AccountConfiguration.From(account));
    }

    public Task<IReadOnlyList<StoredConfigurationVersion>> ListVersionsAsync(string accountId, CancellationToken cancellationToken) =>
        versions.ListAsync(ConsoleAccounts.Find(options.Value, accountId).Id, cancellationToken);

    /// <summary>The start validators' problems with <paramref name="candidate"/> for the account (none: it may be saved).</summary>
    public IReadOnlyList<ConfigurationProblem> Validate(string accountId, AccountConfiguration candidate) =>
        validator.Validate(accountId, candidate);

    /// <summary>The profile the planner would use with <paramref name="candidate"/> (validate first: an invalid one throws).</summary>
    public PlanningProfile ProfileFor(string accountId, AccountConfiguration candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var (id, account) = ConsoleAccounts.Find(options.Value, accountId);
        return AccountPlanningProfiles.Build(id, candidate.ApplyTo(account));
    }

    /// <summary>
    /// Stores <paramref name="candidate"/> as the version after <paramref name="basedOn"/> when the start validators
    /// accept it; throws <see cref="ConfigurationVersionConflictException"/> when someone else saved meanwhile.
    /// </summary>
    public async Task<ConfigurationSaveResult> SaveAsync(string accountId, int basedOn, AccountConfiguration candidate, string actor, string? note, CancellationToken cancellationToken)
    {
        var (id, account) = ConsoleAccounts.Find(options.Value, accountId);
        var problems = validator.Validate(id, candidate);
        if (problems.Count > 0)
        {
            return new ConfigurationSaveResult(null, problems);
        }

        var stored = await versions.SaveAsync(id, basedOn, AccountConfigurationJson.Write(candidate), actor, note, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        profiles.Invalidate(id);
        LogSaved(logger, id, stored.Version, actor, note ?? "edited");
        return new ConfigurationSaveResult(new EffectiveConfiguration(id, account.GhlLocationId, stored.Version, $"version {stored.Version}, saved by {actor} at {stored.SavedAt:u}", candidate), []);
    }

    /// <summary>Saves an earlier version's content again as the newest version (history only grows).</summary>
    public async Task<ConfigurationSaveResult> RestoreAsync(string accountId, int version, int basedOn, string actor, CancellationToken cancellationToken)
    {
        var id = ConsoleAccounts.Find(options.Value, accountId).Id;
        var stored = await versions.GetAsync(id, version, cancellationToken).ConfigureAwait(false);
        if (stored?.Content is null)
        {
            return new ConfigurationSaveResult(null, [new(string.Empty, $"account {id} has no version {version}.")]);
        }

        if (!AccountConfigurationJson.TryRead(stored.Content, out var configuration, out var problem))
        {
            return new ConfigurationSaveResult(null, [problem!]);
        }

        return await SaveAsync(id, basedOn, configuration, actor, $"restored from version {version}", cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(EventId = 2403, Level = LogLevel.Information, Message = "Account {AccountId}: configuration version {Version} saved by {Actor} ({Note})")]
    private static partial void LogSaved(ILogger logger, string accountId, int version, string actor, string note);
}
