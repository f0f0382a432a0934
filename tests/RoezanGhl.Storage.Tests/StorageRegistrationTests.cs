using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Storage.Tests;

/// <summary>AddRoezanStorage reads AzureWebJobsStorage the way the Functions host does.</summary>
public class StorageRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddRoezanStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();

    [Fact]
    public void Use_development_storage_points_every_client_at_local_azurite()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), services.GetRequiredService<TableServiceClient>().Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), services.GetRequiredService<BlobServiceClient>().Uri);
    }

    [Fact]
    public void A_connection_string_uses_its_endpoints_and_shared_key()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = TestSupport.Azurite.DevelopmentConnectionString });

        var queues = services.GetRequiredService<QueueServiceClient>();
        Assert.Equal("devstoreaccount1", queues.AccountName);
        Assert.True(queues.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Identity_based_settings_use_the_service_uris_and_a_token_credential()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:queueServiceUri"] = "https://stroezan.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://stroezan.table.core.windows.net",
            ["AzureWebJobsStorage:blobServiceUri"] = "https://stroezan.blob.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000000",
        });

        var queues = services.GetRequiredService<QueueServiceClient>();
        Assert.Equal(new Uri("https://stroezan.queue.core.windows.net"), queues.Uri);
        Assert.False(queues.CanGenerateAccountSasUri);
        Assert.Equal(new Uri("https://stroezan.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
        var blobs = services.GetRequiredService<BlobServiceClient>();
        Assert.Equal(new Uri("https://stroezan.blob.core.windows.net"), blobs.Uri);
        Assert.False(blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void An_account_name_alone_gives_the_public_endpoints()
    {
        using var services = Build(new() { ["AzureWebJobsStorage:accountName"] = "stroezan", ["AzureWebJobsStorage:credential"] = "managedidentity" });

        Assert.Equal(new Uri("https://stroezan.queue.core.windows.net"), services.GetRequiredService<QueueServiceClient>().Uri);
        Assert.Equal(new Uri("https://stroezan.table.core.windows.net"), services.GetRequiredService<TableServiceClient>().Uri);
    }

    [Fact]
    public void A_missing_setting_fails_naming_what_to_set()
    {
        using var services = Build(new() { ["AzureWebJobsStorage:queueServiceUri"] = "https://stroezan.queue.core.windows.net" });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageConnectionOptions>>().Value);

        Assert.Contains("AzureWebJobsStorage__tableServiceUri", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AzureWebJobsStorage__queueServiceUri,", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_configured_fails_on_start()
    {
        using var services = Build([]);
        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<QueueServiceClient>());
        Assert.Contains("UseDevelopmentStorage=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calling_it_twice_registers_the_health_checks_once()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build();
        using var services = new ServiceCollection().AddRoezanStorage(configuration).AddRoezanStorage(configuration).BuildServiceProvider();

        var names = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);

        Assert.Equal(["queues", "tables"], names);
    }
}
