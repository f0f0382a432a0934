using RoezanGhl.Cli.Commands;
using RoezanGhl.Core.Accounts;

namespace RoezanGhl.Cli.Tests;

public class AccountOptionTests
{
    private static Dictionary<string, RoezanAccountOptions> Accounts(params string[] ids) =>
        ids.ToDictionary(id => id, id => new RoezanAccountOptions { GhlLocationId = "loc-" + id }, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Left_out_with_exactly_one_account_it_is_that_account()
    {
        var (id, account) = AccountOption.Resolve(Accounts("acme"), requested: null);

        Assert.Equal(("acme", "loc-acme"), (id, account.GhlLocationId));
    }

    [Fact]
    public void Named_in_another_case_it_is_the_configured_spelling()
    {
        var (id, _) = AccountOption.Resolve(Accounts("Acme", "beta"), "ACME");

        Assert.Equal("Acme", id);
    }

    [Fact]
    public void Left_out_with_several_accounts_it_is_a_usage_error_naming_each_one()
    {
        var problem = Assert.Throws<CliException>(() => AccountOption.Resolve(Accounts("zeta", "acme", "beta"), requested: null));

        Assert.Equal(2, problem.ExitCode);
        Assert.Equal("--account is needed: 3 accounts are configured (acme, beta, zeta)", problem.Message);
    }

    [Fact]
    public void Left_out_with_no_account_configured_it_says_where_accounts_are_set()
    {
        var problem = Assert.Throws<CliException>(() => AccountOption.Resolve(Accounts(), requested: null));

        Assert.Equal(1, problem.ExitCode);
        Assert.Contains("no Roezan account is configured (Roezan:Accounts:{id}:GhlLocationId)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_account_names_the_configured_ones()
    {
        var problem = Assert.Throws<CliException>(() => AccountOption.Resolve(Accounts("acme", "beta"), "gamma"));

        Assert.Equal(1, problem.ExitCode);
        Assert.Equal("account 'gamma' is not configured (Roezan:Accounts:gamma:GhlLocationId); configured: acme, beta", problem.Message);
    }
}
