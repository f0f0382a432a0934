using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Engine.Intake;

namespace RoezanGhl.Engine.Tests.Intake;

/// <summary>The GhlWebhook section binds as documented and a bad setting stops the app on start, named.</summary>
public class GhlWebhookIntakeRegistrationTests
{
    private const string RotatedKey = "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(TimeProvider.System)
            .AddGhlWebhookIntake().BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void Empty_settings_give_highlevels_published_key_and_the_defaults()
    {
        using var provider = Build(new() { ["GhlWebhook:PublicKeys:0"] = "", ["GhlWebhook:LegacyPublicKey"] = "" });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var intake = provider.GetRequiredService<GhlWebhookIntake>();
        Assert.Equal((1, false, GhlWebhookOptions.DefaultMaxBodyBytes), (intake.Verifier.KeyCount, intake.Verifier.AcceptsLegacyRsa, intake.MaxBodyBytes));
    }

    [Fact]
    public void Keys_bind_in_order_and_the_legacy_switch_and_limits_are_read()
    {
        using var provider = Build(new()
        {
            ["GhlWebhook:PublicKeys:0"] = GhlPublishedKeys.Ed25519,
            ["GhlWebhook:PublicKeys:1"] = RotatedKey,
            ["GhlWebhook:AllowLegacyRsa"] = "true",
            ["GhlWebhook:MaxBodyBytes"] = "65536",
            ["GhlWebhook:TimestampTolerance"] = "00:02:00",
        });

        var options = provider.GetRequiredService<IOptions<GhlWebhookOptions>>().Value;
        var intake = provider.GetRequiredService<GhlWebhookIntake>();
        Assert.Equal([GhlPublishedKeys.Ed25519, RotatedKey], options.EffectivePublicKeys());
        Assert.Equal((2, true, 65536), (intake.Verifier.KeyCount, intake.Verifier.AcceptsLegacyRsa, intake.MaxBodyBytes));
        Assert.Equal(TimeSpan.FromMinutes(2), options.TimestampTolerance);
    }

    [Fact]
    public void A_bad_key_stops_the_app_on_start_naming_the_setting()
    {
        using var provider = Build(new() { ["GhlWebhook:PublicKeys:0"] = RotatedKey, ["GhlWebhook:PublicKeys:1"] = "MCowBQYDK2VwAyEA" });

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("GhlWebhook:PublicKeys:1 is not an Ed25519 public key", failure.Message, StringComparison.Ordinal);
    }
}
