using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Storage;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Engine.Tests.Hosting;

/// <summary>AddRoezanGhl registers each area once: no service, no settings section and no validator twice.</summary>
public class AddRoezanGhlTests
{
    // Services that are many by design: every registration adds one more (options set-up, hosted services,
    // the HTTP client factory's filters, one event applier per sync direction).
    private static readonly Type[] ManyByDesign =
    [
        typeof(IConfigureOptions<>), typeof(IPostConfigureOptions<>), typeof(IValidateOptions<>),
        typeof(IOptionsChangeTokenSource<>), typeof(IHostedService), typeof(IHttpMessageHandlerBuilderFilter),
        typeof(RoezanGhl.Engine.Processing.IEventApplier),
    ];

    [Fact]
    public void Every_service_is_registered_once()
    {
        var services = new ServiceCollection().AddRoezanGhl(SampleSettings());

        var twice = services
            .Where(d => !ManyByDesign.Contains(d.ServiceType.IsGenericType ? d.ServiceType.GetGenericTypeDefinition() : d.ServiceType))
            .GroupBy(d => (d.ServiceType, d.ServiceKey))
            .Where(group => group.Count() > 1)
            .Select(group => group.Key.ServiceType.Name);

        Assert.Empty(twice);
    }

    [Fact]
    public void Every_settings_section_is_bound_once()
    {
        var services = new ServiceCollection().AddRoezanGhl(SampleSettings());

        var bindings = services.Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .GroupBy(d => d.ServiceType.GetGenericArguments()[0])
            .ToDictionary(group => group.Key, group => group.Count());

        Assert.Equal(1, bindings[typeof(RoezanOptions)]);
        Assert.Equal(1, bindings[typeof(SyncOptions)]);
        Assert.All(bindings, binding => Assert.Equal(1, binding.Value));
    }

    [Fact]
    public void No_validator_and_no_hosted_service_is_registered_twice()
    {
        var services = new ServiceCollection().AddRoezanGhl(SampleSettings());

        var twice = services
            .Where(d => d.ServiceType == typeof(IHostedService) || (d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidateOptions<>)))
            .GroupBy(d => (d.ServiceType, Implementation: d.ImplementationType ?? d.ImplementationInstance?.GetType()))
            .Where(group => group.Key.Implementation is not null && group.Count() > 1)
            .Select(group => $"{group.Key.ServiceType.Name} {group.Key.Implementation!.Name}");

        Assert.Empty(twice);
    }

    [Fact]
    public void The_sample_settings_build_every_registered_service()
    {
        var configuration = SampleSettings();
        using var provider = new ServiceCollection().AddLogging().AddSingleton(configuration).AddRoezanGhl(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>local.settings.sample.json's values as the host reads them, with <paramref name="overrides"/> on top.</summary>
    internal static IConfiguration SampleSettings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var values = LocalSettingsSample.Values();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }
}
