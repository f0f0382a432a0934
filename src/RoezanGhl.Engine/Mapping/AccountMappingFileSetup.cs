using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Mapping;

/// <summary>
/// Reads <c>Roezan:MappingFile</c> once, when the options are first built (at start, through
/// ValidateOnStart), and gives each account without a <c>Mapping</c> in settings its entry from the
/// file. A missing or invalid file, or an entry for an account that is not configured, stops the
/// app with every problem named.
/// </summary>
internal sealed class AccountMappingFileSetup : IPostConfigureOptions<RoezanOptions>
{
    public void PostConfigure(string? name, RoezanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.MappingFile))
        {
            return;
        }

        var path = Path.IsPathRooted(options.MappingFile) ? options.MappingFile : Path.Combine(AppContext.BaseDirectory, options.MappingFile);
        var source = $"{RoezanOptions.SectionName}:MappingFile ({path})";
        var contents = AccountMappingFile.Load(path);
        var problems = contents.Problems.Select(p => p.Under(source)).ToList();
        foreach (var (accountId, mapping) in contents.Accounts)
        {
            if (!options.Accounts.TryGetValue(accountId, out var account) || account is null)
            {
                problems.Add(new ConfigurationProblem($"{source}:accounts:{accountId}", $"names an account that is not configured under {RoezanOptions.SectionName}:Accounts."));
                continue;
            }

            // Settings win: an environment can override one account's file entry without editing the file.
            account.Mapping ??= mapping;
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(name ?? Options.DefaultName, typeof(RoezanOptions), problems.Select(p => p.ToString()));
        }
    }
}
