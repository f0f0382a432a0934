using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Where <see cref="AutomationAccounts"/> learns of an account's settings changed while the app runs: the console's
/// saved configuration versions over the app settings (<c>VersionedPlanningProfiles</c>). Without one, the automations
/// are the ones the settings gave at start.
/// </summary>
public interface IAutomationAccountSource
{
    /// <summary>
    /// The account's settings in force now, the same instance for as long as nothing changed (a new instance means
    /// "rebuild"); null for an account that is not configured. What it answers has passed the start checks.
    /// </summary>
    ValueTask<RoezanAccountOptions?> GetAccountAsync(string accountId, CancellationToken cancellationToken);
}
