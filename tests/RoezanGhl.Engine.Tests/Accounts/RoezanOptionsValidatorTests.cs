using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moq;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Intake;
using RoezanGhl.Engine.Mapping;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Accounts;

public class RoezanOptionsValidatorTests
{
    private static OptionsValidationException? Validate(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ISecretStore, InMemorySecretStore>()
            .AddLogging()
            .AddRoezanAccounts()
            .AddRoezanIntake()
            .BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<RoezanOptions>>().Value;
            _ = services.GetRequiredService<IOptions<RoezanWebhookOptions>>().Value;
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void An_unknown_two_way_conflict_rule_stops_the_app_naming_the_account()
    {
        var failure = Validate(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:TwoWay:ConflictRule"] = "last-wins",
            ["Roezan:Accounts:other:GhlLocationId"] = "loc-other",
            ["Roezan:Accounts:other:TwoWay:ConflictRule"] = "ghl-wins",
        });

        var message = Assert.Single(Assert.IsType<OptionsValidationException>(failure).Failures);
        Assert.Contains("Roezan:Accounts:demo:TwoWay:ConflictRule 'last-wins' must be newest-wins, ghl-wins, roezan-wins", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accounts_conflict_rule_overrides_the_global_one_and_others_keep_the_global()
    {
        var accounts = new RoezanOptions();
        accounts.Accounts["demo"] = new RoezanAccountOptions { GhlLocationId = "loc-demo", TwoWay = new AccountTwoWayOptions { ConflictRule = "ghl-wins" } };
        accounts.Accounts["other"] = new RoezanAccountOptions { GhlLocationId = "loc-other" };
        var rules = new RoezanGhl.Engine.Processing.GhlToRoezan.TwoWayRules(
            Options.Create(new RoezanGhl.Engine.Processing.GhlToRoezan.TwoWayOptions { ConflictRule = "roezan-wins" }),
            Mock.Of<IOptionsMonitor<RoezanOptions>>(monitor => monitor.CurrentValue == accounts),
            Mock.Of<Core.Planning.IPlanningProfileSource>());

        Assert.Equal(Core.TwoWay.ConflictRule.GhlWins, rules.For("demo").ConflictRule);
        Assert.Equal(Core.TwoWay.ConflictRule.RoezanWins, rules.For("other").ConflictRule);
    }

    [Fact]
    public void A_well_configured_account_passes()
    {
        Assert.Null(Validate(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:DefaultPhoneRegion"] = "GB",
            ["Roezan:Accounts:demo:TimeZone"] = "Europe/London",
        }));
    }

    [Theory]
    [InlineData("GhlLocationId", "", "Roezan:Accounts:demo:GhlLocationId is required")]
    [InlineData("DefaultPhoneRegion", "XX", "Roezan:Accounts:demo:DefaultPhoneRegion 'XX'")]
    [InlineData("DefaultPhoneRegion", "us", "Roezan:Accounts:demo:DefaultPhoneRegion 'us'")]
    public void A_bad_account_setting_is_named(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:DefaultPhoneRegion"] = "US",
            ["Roezan:Accounts:demo:TimeZone"] = "America/New_York",
        };
        settings[$"Roezan:Accounts:demo:{key}"] = value;

        var ex = Validate(settings);

        Assert.NotNull(ex);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("thread", null, "Roezan:Accounts:demo:InboundMessages 'thread' is not one of note, conversation or both")]
    [InlineData("conversation", null, "Roezan:Accounts:demo:GhlConversationProviderId is required when InboundMessages is 'conversation'")]
    [InlineData("both", " ", "Roezan:Accounts:demo:GhlConversationProviderId is required when InboundMessages is 'both'")]
    public void Where_inbound_messages_go_is_checked_at_start_naming_the_account(string inboundMessages, string? providerId, string message)
    {
        var ex = Validate(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:InboundMessages"] = inboundMessages,
            ["Roezan:Accounts:demo:GhlConversationProviderId"] = providerId,
        });

        Assert.NotNull(ex);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_conversation_account_with_its_provider_id_passes()
    {
        Assert.Null(Validate(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:InboundMessages"] = "conversation",
            ["Roezan:Accounts:demo:GhlConversationProviderId"] = "prov-1",
        }));
    }

    [Fact]
    public void An_account_id_that_cannot_sit_in_a_url_is_refused()
    {
        var ex = Validate(new() { ["Roezan:Accounts:a b:GhlLocationId"] = "loc" });
        Assert.Contains("Roezan:Accounts:a b", ex!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Webhook:SignatureTolerance", "00:00:01", "Webhook:SignatureTolerance")]
    [InlineData("Webhook:ClaimTimeout", "01:00:00", "Webhook:ClaimTimeout")]
    [InlineData("Webhook:MaxBodyBytes", "1000000", "Webhook:MaxBodyBytes")]
    public void Webhook_settings_out_of_range_are_named(string key, string value, string message)
    {
        var ex = Validate(new() { [key] = value });
        Assert.Contains(message, ex!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_ids_that_become_the_same_secret_name_stop_the_app_naming_each()
    {
        var ex = Validate(new()
        {
            ["Roezan:Accounts:acme.1:GhlLocationId"] = "loc-a",
            ["Roezan:Accounts:acme_1:GhlLocationId"] = "loc-b",
            ["Roezan:Accounts:acme-1:GhlLocationId"] = "loc-c",
            ["Roezan:Accounts:other:GhlLocationId"] = "loc-d",
        });

        Assert.NotNull(ex);
        Assert.Contains("'acme-1', 'acme.1' and 'acme_1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("roezan-webhook-secret-acme-1", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("'other'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_id_too_long_for_a_key_vault_secret_name_stops_the_app_naming_it()
    {
        var longest = new string('a', 127 - "roezan-webhook-secret-".Length);
        Assert.Null(Validate(new() { [$"Roezan:Accounts:{longest}:GhlLocationId"] = "loc-a" }));

        var ex = Validate(new() { [$"Roezan:Accounts:{longest}b:GhlLocationId"] = "loc-a" });

        Assert.NotNull(ex);
        Assert.Contains($"Roezan:Accounts:{longest}b", ex.Message, StringComparison.Ordinal);
        Assert.Contains("127", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Location_ids_that_become_the_same_token_secret_name_stop_the_app()
    {
        var ex = Validate(new()
        {
            ["Roezan:Accounts:a:GhlLocationId"] = "loc.1",
            ["Roezan:Accounts:b:GhlLocationId"] = "loc_1",
        });

        Assert.NotNull(ex);
        Assert.Contains("'loc.1' and 'loc_1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ghl-token-loc-1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accounts_sharing_one_location_are_not_a_collision()
    {
        Assert.Null(Validate(new()
        {
            ["Roezan:Accounts:a:GhlLocationId"] = "loc-1",
            ["Roezan:Accounts:b:GhlLocationId"] = "loc-1",
        }));
    }
}
