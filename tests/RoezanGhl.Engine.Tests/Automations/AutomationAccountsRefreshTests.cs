using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Automations;

namespace RoezanGhl.Engine.Tests.Automations;

/// <summary>An account's automations rebuilt while the app runs, when its settings source (the console's saved versions) answers new ones.</summary>
public sealed class AutomationAccountsRefreshTests
{
    private static RoezanAccountOptions Account(params string[] templates) => new()
    {
        GhlLocationId = "loc-acme",
        Mapping = new AccountMapping { Automations = [.. templates.Select(template => (AutomationDefinition?)new AutomationDefinition { Template = template })] },
    };

    private static IOptions<RoezanOptions> Settings(RoezanAccountOptions account) =>
        Options.Create(new RoezanOptions { Accounts = new(StringComparer.OrdinalIgnoreCase) { ["acme"] = account } });

    [Fact]
    public async Task A_refresh_plans_with_the_automations_the_source_answers_now()
    {
        var seed = Account();
        var source = new SettableSource(seed);
        var accounts = new AutomationAccounts(Settings(seed), [source]);
        Assert.Empty(accounts.WithAutomations);

        source.Account = Account(AutomationCatalog.WelcomeNewLead);
        await accounts.RefreshAsync("acme", CancellationToken.None);

        Assert.Equal(AutomationCatalog.WelcomeNewLead, Assert.Single(accounts.Find("acme")!.Automations).Name);
        Assert.Single(accounts.WithAutomations);
    }

    [Fact]
    public async Task Settings_that_fail_the_checks_leave_the_automations_as_they_were()
    {
        var seed = Account(AutomationCatalog.WelcomeNewLead);
        var source = new SettableSource(seed);
        var accounts = new AutomationAccounts(Settings(seed), [source]);

        source.Account = Account("no-such-template");
        await accounts.RefreshAllAsync(CancellationToken.None);

        Assert.Equal(AutomationCatalog.WelcomeNewLead, Assert.Single(accounts.Find("acme")!.Automations).Name);
    }

    [Fact]
    public async Task Without_a_source_the_automations_stay_those_of_the_settings_at_start()
    {
        var accounts = new AutomationAccounts(Settings(Account(AutomationCatalog.WelcomeNewLead)));

        await accounts.RefreshAsync("acme", CancellationToken.None);

        Assert.Single(accounts.Find("acme")!.Automations);
    }

    private sealed class SettableSource(RoezanAccountOptions account) : IAutomationAccountSource
    {
        public RoezanAccountOptions Account { get; set; } = account;

        public ValueTask<RoezanAccountOptions?> GetAccountAsync(string accountId, CancellationToken cancellationToken) =>
            ValueTask.FromResult<RoezanAccountOptions?>(Account);
    }
}
