using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// Private networking, behind one parameter that is off by default. Turned on: the vaults and the
/// storage account refuse public traffic, the Flex Consumption app joins a subnet delegated to
/// Microsoft.App/environments, and each vault and the blob, queue and table services have a private
/// endpoint registered in its privatelink DNS zone, which is linked to the app's virtual network.
/// </summary>
public static class PrivateNetworkRules
{
    public const string Parameter = "enablePrivateNetworking";

    private const string FlexDelegation = "Microsoft.App/environments";

    private static readonly string[] NetworkTypes =
    [
        "Microsoft.Network/virtualNetworks", "Microsoft.Network/privateEndpoints", "Microsoft.Network/privateDnsZones",
        "Microsoft.Network/natGateways", "Microsoft.Network/publicIPAddresses",
    ];

    private static readonly string[] StorageServices = ["blob", "queue", "table"];

    public static IEnumerable<string> PrivateNetworkingIsAParameterOffByDefault(ArmTemplate template)
    {
        var declaration = template.RootScope.Parameters[Parameter];
        if (declaration?["type"]?.GetValue<string>() != "bool")
        {
            yield return $"the template needs a bool parameter {Parameter}";
        }
        else if (declaration["defaultValue"] is not JsonValue value || !value.TryGetValue(out bool on) || on)
        {
            yield return $"{Parameter} must be off by default (defaultValue false)";
        }

        var off = new TemplateView(template);
        foreach (var resource in NetworkTypes.SelectMany(off.Deployed))
        {
            yield return $"{TemplateView.Describe(resource)} is deployed while {Parameter} is off";
        }

        foreach (var site in off.Deployed("Microsoft.Web/sites").Where(site => !IsNone(off.Value(site, "properties", "virtualNetworkSubnetId"))))
        {
            yield return $"{site}: joins a subnet while {Parameter} is off";
        }
    }

    public static IEnumerable<string> PrivateNetworkingTurnsPublicAccessOff(ArmTemplate template)
    {
        var on = TurnedOn(template);
        foreach (var resource in on.Deployed("Microsoft.KeyVault/vaults").Concat(on.Deployed("Microsoft.Storage/storageAccounts")))
        {
            var access = on.Value(resource, "properties", "publicNetworkAccess");
            if (access.AsString() != "Disabled")
            {
                yield return $"{TemplateView.Describe(resource)}: publicNetworkAccess is {access.Render()} with private networking on, must be 'Disabled'";
            }

            var firewall = on.Value(resource, "properties", "networkAcls", "defaultAction");
            if (firewall.AsString() != "Deny")
            {
                yield return $"{TemplateView.Describe(resource)}: networkAcls.defaultAction is {firewall.Render()} with private networking on, must be 'Deny'";
            }
        }
    }

    public static IEnumerable<string> AppJoinsASubnetDelegatedToContainerApps(ArmTemplate template)
    {
        var on = TurnedOn(template);
        var delegated = DelegatedSubnets(on);
        if (delegated.Count == 0)
        {
            yield return $"no subnet is delegated to {FlexDelegation}, which Flex Consumption's VNet integration needs";
        }

        foreach (var site in on.Deployed("Microsoft.Web/sites"))
        {
            var subnet = on.Value(site, "properties", "virtualNetworkSubnetId");
            if (IsNone(subnet))
            {
                yield return $"{site}: virtualNetworkSubnetId is not set with private networking on";
            }
            else if (!delegated.Contains(subnet.Render()))
            {
                yield return $"{site}: joins {subnet.Render()}, not a subnet delegated to {FlexDelegation}";
            }
        }
    }

    public static IEnumerable<string> PrivateEndpointsCoverTheVaultsAndStorage(ArmTemplate template)
    {
        var on = TurnedOn(template);
        var endpoints = on.Deployed("Microsoft.Network/privateEndpoints")
            .SelectMany(endpoint => on.Items(on.Value(endpoint, "properties", "privateLinkServiceConnections")).Select(connection => (
                Name: on.Evaluator.NameSegments(endpoint)[0].Render(),
                Service: on.Member(connection, "properties", "privateLinkServiceId").Render(),
                Groups: on.Items(on.Member(connection, "properties", "groupIds")).Select(group => group.AsString()).ToList())))
            .ToList();
        var registrations = on.Deployed("Microsoft.Network/privateEndpoints/privateDnsZoneGroups")
            .SelectMany(group => on.Items(on.Value(group, "properties", "privateDnsZoneConfigs")).Select(config => (
                Endpoint: on.Evaluator.NameSegments(group)[0].Render(),
                Zone: on.Member(config, "properties", "privateDnsZoneId").Render())))
            .ToHashSet();
        var linkedZones = LinkedZones(on);

        var required = on.Deployed("Microsoft.KeyVault/vaults").Select(vault => (Service: vault, Group: "vault"))
            .Concat(on.Deployed("Microsoft.Storage/storageAccounts").SelectMany(account => StorageServices.Select(service => (Service: account, Group: service))));
        foreach (var (service, group) in required)
        {
            var description = $"{TemplateView.Describe(service)} ({group})";
            var zoneName = group == "vault" ? "privatelink.vaultcore.azure.net" : $"privatelink.{group}.core.windows.net";
            var zone = $"resourceId('Microsoft.Network/privateDnsZones', '{zoneName}')";
            var endpoint = endpoints.FirstOrDefault(e => e.Service == on.Identity(service) && e.Groups.Contains(group));
            if (endpoint.Name is null)
            {
                yield return $"no private endpoint serves {description}";
            }
            else if (!registrations.Contains((endpoint.Name, zone)))
            {
                yield return $"the private endpoint of {description} does not register in {zoneName}";
            }
            else if (!linkedZones.Contains(zone))
            {
                yield return $"{zoneName} is not deployed or not linked to the virtual network, so {description} does not resolve privately";
            }
        }
    }

    private static TemplateView TurnedOn(ArmTemplate template) => new(template, new Dictionary<string, JsonNode?> { [Parameter] = true });

    private static bool IsNone(ArmValue value) => value.IsKnown && value.Members is null && (value.Json is null || value.AsString()?.Length == 0);

    // The subnets delegated to Container Apps, as the resourceId(...) a subnet id evaluates to.
    private static HashSet<string> DelegatedSubnets(TemplateView on)
    {
        var subnets = on.Deployed("Microsoft.Network/virtualNetworks")
            .SelectMany(network => on.Items(on.Value(network, "properties", "subnets")).Select(subnet => (
                Id: $"resourceId('Microsoft.Network/virtualNetworks/subnets', {on.Evaluator.NameSegments(network)[0].Render()}, {on.Member(subnet, "name").Render()})",
                Properties: on.Member(subnet, "properties"))))
            .Concat(on.Deployed("Microsoft.Network/virtualNetworks/subnets").Select(subnet => (Id: on.Identity(subnet), Properties: on.Value(subnet, "properties"))));
        return subnets
            .Where(subnet => on.Items(on.Member(subnet.Properties, "delegations"))
                .Any(delegation => on.Member(delegation, "properties", "serviceName").AsString() == FlexDelegation))
            .Select(subnet => subnet.Id)
            .ToHashSet(StringComparer.Ordinal);
    }

    // Deployed private DNS zones with a link to a deployed virtual network, by zone id.
    private static HashSet<string> LinkedZones(TemplateView on)
    {
        var networks = on.Deployed("Microsoft.Network/virtualNetworks").Select(on.Identity).ToHashSet(StringComparer.Ordinal);
        var links = on.Deployed("Microsoft.Network/privateDnsZones/virtualNetworkLinks")
            .Where(link => networks.Contains(on.Value(link, "properties", "virtualNetwork", "id").Render()))
            .Select(link => on.Evaluator.NameSegments(link)[0].Render())
            .ToHashSet(StringComparer.Ordinal);
        return on.Deployed("Microsoft.Network/privateDnsZones")
            .Where(zone => links.Contains(on.Evaluator.NameSegments(zone)[0].Render()))
            .Select(on.Identity)
            .ToHashSet(StringComparer.Ordinal);
    }
}
