using System.CommandLine;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// <c>--account &lt;id&gt;</c> for the commands that work on one Roezan account. It may be left out when the settings
/// configure exactly one account, which is then used; with none or several the error names what is configured,
/// so that the operator can pick one without opening the settings.
/// </summary>
internal static class AccountOption
{
    public static Option<string?> Create(string description) =>
        new("--account") { Description = description + " May be left out when exactly one account is configured." };

    /// <summary>The configured account <paramref name="requested"/> names (case-insensitive), or the only one when it is null.</summary>
    public static (string Id, RoezanAccountOptions Account) Resolve(CommandInvocation invocation, string? requested)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return Resolve(invocation.Services.Get<IOptions<RoezanOptions>>().Value.Accounts, requested);
    }

    internal static (string Id, RoezanAccountOptions Account) Resolve(IReadOnlyDictionary<string, RoezanAccountOptions> accounts, string? requested)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var known = accounts.Keys.Order(StringComparer.OrdinalIgnoreCase).ToList();
        if (requested is not null)
        {
            var match = accounts.FirstOrDefault(pair => string.Equals(pair.Key, requested, StringComparison.OrdinalIgnoreCase));
            return match.Key is not null
                ? (match.Key, match.Value)
                : throw new CliException($"account '{requested}' is not configured (Roezan:Accounts:{requested}:GhlLocationId); configured: {List(known)}");
        }

        return known.Count switch
        {
            1 => (known[0], accounts[known[0]]),
            0 => throw new CliException("no Roezan account is configured (Roezan:Accounts:{id}:GhlLocationId), so there is none to use"),
            _ => throw new CliException($"--account is needed: {known.Count} accounts are configured ({List(known)})", CommandActions.Usage),
        };
    }

    private static string List(List<string> accounts) => accounts.Count == 0 ? "none" : string.Join(", ", accounts);
}
