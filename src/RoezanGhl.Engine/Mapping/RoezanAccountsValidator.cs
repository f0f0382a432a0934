using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.FollowUps;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// Start-up check of every account's preset, flow overrides, time zone, locale, field mapping and SMS automations. Each
/// failure names its setting ("Roezan:Accounts:demo:Mapping:customFields:plan: set exactly one of id or key").
/// It also reads the raw settings for what the configuration binder silently skips: names under
/// <c>Mapping</c> that nothing reads (a misspelt <c>TagPrefx</c>) and values it cannot convert
/// (<c>TagMode = Replace</c>, <c>Flows:TaskSync = nope</c>), which would otherwise leave the default in force.
/// </summary>
internal sealed class RoezanAccountsValidator : IValidateOptions<RoezanOptions>
{
    private static readonly string[] MappingSettings = [nameof(AccountMapping.StandardFields), nameof(AccountMapping.CustomFields), nameof(AccountMapping.Source), nameof(AccountMapping.TagPrefix), nameof(AccountMapping.TagMode), nameof(AccountMapping.NoteOnContactUpdate), nameof(AccountMapping.Automations), nameof(AccountMapping.SendingHours)];
    private static readonly string[] CustomFieldSettings = [nameof(GhlCustomFieldTarget.Id), nameof(GhlCustomFieldTarget.Key)];

    private readonly IConfiguration? _configuration;

    public RoezanAccountsValidator(IConfiguration? configuration = null) => _configuration = configuration;

    public ValidateOptionsResult Validate(string? name, RoezanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<ConfigurationProblem>();
        foreach (var (accountId, account) in options.Accounts)
        {
            if (account is null)
            {
                continue;
            }

            var prefix = AccountPath(accountId);
            problems.AddRange(FlowPresets.TryResolve(account.Preset, account.Flows, out _).Select(p => p.Under(prefix)));
            if (AccountTimeZones.Find(account.TimeZone) is null)
            {
                problems.Add(new ConfigurationProblem($"{prefix}:TimeZone", $"'{account.TimeZone}' is not an IANA or Windows time zone id (for example America/New_York)."));
            }

            if (AccountLocales.Find(account.Locale) is null)
            {
                problems.Add(new ConfigurationProblem($"{prefix}:Locale", $"'{account.Locale}' is not a culture name the runtime knows (for example en-US, en-GB, es-MX)."));
            }

            if (account.Mapping is not null)
            {
                problems.AddRange(AccountMappingValidator.Validate(account.Mapping).Select(p => p.Under($"{prefix}:Mapping")));
            }
        }

        if (_configuration is not null)
        {
            foreach (var account in _configuration.GetSection($"{RoezanOptions.SectionName}:Accounts").GetChildren())
            {
                // The binder drops a whole account when one of its values does not convert.
                if (!options.Accounts.ContainsKey(account.Key))
                {
                    problems.Add(new ConfigurationProblem(account.Path, "could not be read: one of its values does not convert to its type (a true/false, a number or a mode)."));
                }

                problems.AddRange(UnreadSettings(account.GetSection("Mapping")));
                problems.AddRange(UnreadAutomationSettings.Find(account.GetSection($"Mapping:{nameof(AccountMapping.Automations)}"), account.GetSection($"Mapping:{nameof(AccountMapping.SendingHours)}")));
                problems.AddRange(UnconvertibleValues(account));
            }
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
    }

    private static string AccountPath(string accountId) => $"{RoezanOptions.SectionName}:Accounts:{accountId}";

    private static IEnumerable<ConfigurationProblem> UnconvertibleValues(IConfigurationSection account)
    {
        var tagMode = account.GetSection($"Mapping:{nameof(AccountMapping.TagMode)}");
        if (tagMode.Value is { } mode && !Enum.GetNames<TagMode>().Contains(mode.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            yield return new ConfigurationProblem(tagMode.Path, $"'{mode}' is not a tag mode; use {string.Join(" or ", Enum.GetNames<TagMode>())}.");
        }

        var booleans = account.GetSection(nameof(RoezanAccountOptions.Flows)).GetChildren()
            .Append(account.GetSection($"Mapping:{nameof(AccountMapping.NoteOnContactUpdate)}"));
        foreach (var setting in booleans)
        {
            if (setting.Value is { } value && !bool.TryParse(value, out _))
            {
                yield return new ConfigurationProblem(setting.Path, $"'{value}' is not true or false.");
            }
        }
    }

    private static IEnumerable<ConfigurationProblem> UnreadSettings(IConfigurationSection mapping)
    {
        foreach (var setting in mapping.GetChildren())
        {
            if (!MappingSettings.Contains(setting.Key, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ConfigurationProblem(setting.Path, $"is not a mapping setting; use {string.Join(", ", MappingSettings)}.");
            }
            else if (string.Equals(setting.Key, nameof(AccountMapping.CustomFields), StringComparison.OrdinalIgnoreCase))
            {
                foreach (var entry in setting.GetChildren().SelectMany(field => field.GetChildren()))
                {
                    if (!CustomFieldSettings.Contains(entry.Key, StringComparer.OrdinalIgnoreCase))
                    {
                        yield return new ConfigurationProblem(entry.Path, "is not a custom field setting; use Id or Key.");
                    }
                }
            }
        }
    }
}
