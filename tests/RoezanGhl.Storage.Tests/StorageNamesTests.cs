using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Storage.Tests;

public class StorageNamesTests
{
    [Fact]
    public void The_default_names_are_the_ones_deployed_apps_already_hold_data_in()
    {
        var names = StorageNames.Defaults;

        Assert.Equal(["RoezanGhlEvents", "RoezanGhlLinks", "RoezanGhlCursors", "RoezanGhlLocationStatus", "RoezanGhlOAuthStates", "RoezanGhlSmsSends"], names.Tables);
        Assert.Equal(["roezan-events", "roezan-events-poison"], names.Queues);
        Assert.Equal(["roezan-events-payloads", "roezan-events-state", "roezan-ghl-leases", "roezanghl-configurations"], names.BlobContainers);
    }

    [Fact]
    public void The_names_follow_the_sync_settings_and_the_lease_container_setting()
    {
        using var services = Build(new()
        {
            ["Sync:TablePrefix"] = "Staging",
            ["Sync:EventsQueue"] = "staging-events",
            ["GhlOAuth:LeaseContainer"] = "staging-leases",
        });

        var names = services.GetRequiredService<StorageNames>();

        Assert.Equal(["StagingEvents", "StagingLinks", "StagingCursors", "StagingLocationStatus", "StagingOAuthStates", "StagingSmsSends"], names.Tables);
        Assert.Equal(["staging-events", "staging-events-poison"], names.Queues);
        Assert.Equal(["staging-events-payloads", "staging-events-state", "staging-leases", "staging-configurations"], names.BlobContainers);
    }

    [Fact]
    public void The_stores_use_the_registered_names()
    {
        using var services = Build(new() { ["Sync:TablePrefix"] = "Staging" });

        Assert.Equal("StagingEvents", services.GetRequiredService<EventLedger>().TableName);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddRoezanStorage(configuration)
            .BuildServiceProvider();
    }
}
