// One private DNS zone (privatelink.*) linked to the app's virtual network, so that inside the
// network the service's public host name resolves to its private endpoint's address.

@description('Zone name, e.g. privatelink.blob.core.windows.net.')
param name string

@description('Resource id of the virtual network that resolves names through this zone.')
param virtualNetworkId string

@description('Tags applied to the zone and its link.')
param tags {*: string}

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: name
  location: 'global'
  tags: tags

  resource link 'virtualNetworkLinks' = {
    name: 'app-network'
    location: 'global'
    tags: tags
    properties: {
      // The private endpoints register their own records through their DNS zone groups.
      registrationEnabled: false
      virtualNetwork: {
        id: virtualNetworkId
      }
    }
  }
}

output id string = zone.id
