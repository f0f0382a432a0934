using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
}
