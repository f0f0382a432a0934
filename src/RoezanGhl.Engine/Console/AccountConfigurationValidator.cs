using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// Checks a configuration for an account with exactly the validators the app runs on start (every registered
/// <see cref="IValidateOptions{RoezanOptions}"/>: presets, flows, time zone, locale, field mapping, automations),
/// on the settings as they would be with the candidate in place. The problems keep the start validator's paths,
/// relative to the account (<c>Mapping:tagPrefix</c>), so the console can show each one next to its field.
/// </summary>
public sealed class AccountConfigurationValidator(IOptions<RoezanOptions> options, IEnumerable<IValidateOptions<RoezanOptions>> validators)
{
    public IReadOnlyList<ConfigurationProblem> Validate(string accountId, AccountConfiguration candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var current = options.Value;
        var (id, account) = ConsoleAccounts.Find(current, accountId);

        // Every configured account stays in: the raw-settings checks compare the accounts they see with the options.
        var trial = new RoezanOptions { MappingFile = current.MappingFile, Accounts = new(current.Accounts, StringComparer.OrdinalIgnoreCase) };
        trial.Accounts[id] = candidate.ApplyTo(account);
        var prefix = $"{RoezanOptions.SectionName}:Accounts:{id}";
        var problems = new List<ConfigurationProblem>();
        foreach (var validator in validators)
        {
            var result = validator.Validate(Options.DefaultName, trial);
            foreach (var failure in result.Failed ? result.Failures ?? [] : [])
            {
                if (Relative(failure, prefix) is { } problem)
                {
                    problems.Add(problem);
                }
            }
        }

        return problems;
    }

    /// <summary>"Roezan:Accounts:acme:Mapping:tagPrefix: must be …" → (Mapping:tagPrefix, must be …); another account's problem → null.</summary>
    private static ConfigurationProblem? Relative(string failure, string prefix)
    {
        if (!failure.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return failure.StartsWith($"{RoezanOptions.SectionName}:Accounts:", StringComparison.OrdinalIgnoreCase) ? null : new ConfigurationProblem(string.Empty, failure);
        }

        var rest = failure[prefix.Length..];
        if (rest.StartsWith(": ", StringComparison.Ordinal))
        {
            return new ConfigurationProblem(string.Empty, rest[2..]);
        }

        var split = rest.IndexOf(": ", StringComparison.Ordinal);
        return split < 0
            ? new ConfigurationProblem(string.Empty, rest.TrimStart(':', ' '))
            : new ConfigurationProblem(rest[1..split], rest[(split + 2)..]);
    }
}
