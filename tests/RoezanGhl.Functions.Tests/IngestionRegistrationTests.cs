using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Functions.Tests;

/// <summary>The app's DI entry point wires the webhook door and health from the sample settings.</summary>
public class IngestionRegistrationTests
{
    [Fact]
    public void The_sample_settings_pass_start_validation_and_build_the_webhook_and_health_functions()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(LocalSettingsSample.Values()).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(settings).AddSingleton<ISecretStore, InMemorySecretStore>();

        services.AddRoezanGhl(settings);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
        Assert.NotNull(ActivatorUtilities.CreateInstance<RoezanWebhookFunction>(provider));
        Assert.NotNull(ActivatorUtilities.CreateInstance<HealthFunction>(provider));
        Assert.NotNull(provider.GetRequiredService<HealthCheckService>());
    }
}
