using RoezanGhl.Storage;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Infra.Tests.Storage;

[IntegrationLane]
[Collection(SharedMainTemplate.Name)]
public sealed class ProvisionedStorageTests(CompiledMainTemplate compiled)
{
    [Fact]
    public void The_template_provisions_exactly_the_tables_the_app_uses()
    {
        var provisioned = ProvisionedStorage.Of(compiled.Template);

        Assert.Equal(StorageNames.Defaults.Tables.Order(), provisioned.Tables.Order());
    }

    [Fact]
    public void The_template_provisions_exactly_the_queues_the_app_uses()
    {
        var provisioned = ProvisionedStorage.Of(compiled.Template);

        Assert.Equal(StorageNames.Defaults.Queues.Order(), provisioned.Queues.Order());
    }

    [Fact]
    public void The_template_provisions_the_apps_blob_containers_and_the_deployment_package_container_only()
    {
        var provisioned = ProvisionedStorage.Of(compiled.Template);
        var site = compiled.Template.Deployed("Microsoft.Resources/deployments").Single(d => d.Name == "function-app");
        var deploymentContainer = ProvisionedStorage.Resolve(site.Scope, site.Properties?["parameters"]?["deploymentContainerName"]?["value"]);

        Assert.Equal(StorageNames.Defaults.BlobContainers.Append(deploymentContainer).Order(), provisioned.Containers.Order());
    }

    [Fact]
    public void The_app_settings_the_template_sets_give_the_default_names()
    {
        var settings = compiled.Template.Deployed("Microsoft.Resources/deployments").Single(d => d.Name == "function-app");
        var parameters = settings.Properties?["parameters"];

        Assert.Equal(StorageNames.Defaults.TablePrefix, ProvisionedStorage.Resolve(settings.Scope, parameters?["tablePrefix"]?["value"]));
        Assert.Equal(StorageNames.Defaults.EventsQueue, ProvisionedStorage.Resolve(settings.Scope, parameters?["eventsQueueName"]?["value"]));
    }
}
