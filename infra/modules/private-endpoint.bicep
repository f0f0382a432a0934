// One private endpoint for one sub-resource of a service (a vault, or a storage account's blob,
// queue or table endpoint), with the DNS zone group that keeps its A record in the private zone.

@description('Name of the private endpoint.')
param name string

@description('Azure region (the virtual network\'s).')
param location string

@description('Tags applied to the endpoint.')
param tags {*: string}

@description('Resource id of the subnet the endpoint\'s network interface goes in.')
param subnetId string

@description('Resource id of the vault or storage account.')
param serviceId string

@description('Sub-resource the endpoint serves: vault, blob, queue or table.')
param groupId ('vault' | 'blob' | 'queue' | 'table')

@description('Resource id of the private DNS zone for that sub-resource.')
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: serviceId
          groupIds: [groupId]
        }
      }
    ]
  }

  resource dns 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: groupId
          properties: {
            privateDnsZoneId: privateDnsZoneId
          }
        }
      ]
    }
  }
}
