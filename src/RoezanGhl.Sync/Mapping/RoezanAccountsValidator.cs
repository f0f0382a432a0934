using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using RoezanGhl.Sync.Accounts;
using RoezanGhl.Sync.FollowUps;

namespace RoezanGhl.Sync.Mapping;

/// <summary>
/// Start-up check of every account's preset, flow overrides, time zone and field mapping. Each
/// failure names its setting ("Roezan:Accounts:demo:Mapping:customFields:plan: set exactly one of id or key").
/// It also reports settings under <c>Mapping</c> that nothing reads (a misspelt <c>TagPrefx</c>
/// would otherwise be silently ignored by the configuration binder).
/// </summary>
internal sealed class RoezanAccountsValidator : IValidateOptions<RoezanOptions>
{
    private static readonly string[] MappingSettings = [nameof(AccountMapping.StandardFields), nameof(AccountMapping.CustomFields), nameof(AccountMapping.Source), nameof(AccountMapping.TagPrefix), nameof(AccountMapping.TagMode), nameof(AccountMapping.NoteOnContactUpdate)];
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

            var prefix = $"{RoezanOptions.SectionName}:Accounts:{accountId}";
            problems.AddRange(FlowSet.TryResolve(account.Preset, account.Flows, out _).Select(p => p.Under(prefix)));
            if (AccountTimeZones.Find(account.TimeZone) is null)
            {
                problems.Add(new ConfigurationProblem($"{prefix}:TimeZone", $"'{account.TimeZone}' is not an IANA or Windows time zone id (for example America/New_York)."));
            }

            if (account.Mapping is not null)
            {
                problems.AddRange(AccountMappingValidator.Validate(account.Mapping).Select(p => p.Under($"{prefix}:Mapping")));
            }

            if (_configuration is not null)
            {
                problems.AddRange(UnreadSettings(_configuration.GetSection($"{prefix}:Mapping")));
            }
        }

        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.ToString()));
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
