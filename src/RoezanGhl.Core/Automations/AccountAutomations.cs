using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations.Templates;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.FollowUps;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Automations;

/// <summary>
/// One account's checked automations with what planning them needs: its id (part of every send id), sending
/// hours, time zone and locale. Built once at start from the account's settings and mapping.
/// </summary>
public sealed record AccountAutomations(string AccountId, IReadOnlyList<Automation> Automations, SendingHours SendingHours, DateTimeZone Zone, CultureInfo Culture)
{
    /// <summary>The automation with this name (case-insensitive), or null (renamed or removed since a send was planned).</summary>
    public Automation? Find(string name) =>
        Automations.FirstOrDefault(automation => string.Equals(automation.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Render settings for this account at <paramref name="now"/>.</summary>
    public SmsRenderSettings RenderSettings(Instant now) => new(Zone, Culture, now);

    /// <summary>
    /// The account's automations from its validated options; false with the problems (paths under the account's
    /// mapping) when its zone, locale or automations are not valid.
    /// </summary>
    public static bool TryBuild(string accountId, RoezanAccountOptions account, [NotNullWhen(true)] out AccountAutomations? automations, out IReadOnlyList<ConfigurationProblem> problems)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentNullException.ThrowIfNull(account);
        var found = new List<ConfigurationProblem>();
        var zone = AccountTimeZones.Find(account.TimeZone);
        if (zone is null)
        {
            found.Add(new ConfigurationProblem("TimeZone", $"'{account.TimeZone}' is not an IANA or Windows time zone id (for example America/New_York)."));
        }

        var culture = AccountLocales.Find(account.Locale);
        if (culture is null)
        {
            found.Add(new ConfigurationProblem("Locale", $"'{account.Locale}' is not a culture name the runtime knows (for example en-US, en-GB, es-MX)."));
        }

        var mapping = account.Mapping ?? new AccountMapping();
        found.AddRange(AutomationValidator.TryResolve(mapping.Automations, mapping.SendingHours, out var resolved, out var hours).Select(p => p.Under("Mapping")));
        problems = found;
        automations = found.Count == 0 ? new AccountAutomations(accountId, resolved, hours, zone!, culture!) : null;
        return automations is not null;
    }
}
