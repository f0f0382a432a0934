// Private networking (main.bicep's enablePrivateNetworking): a virtual network whose app subnet the
// Flex Consumption app joins (VNet integration) and whose endpoint subnet holds the private
// endpoints of both vaults and of the storage account's blob, queue and table services, with the
// privatelink DNS zones that make the services' usual host names resolve to those endpoints. The
// vaults and the account refuse public traffic when this is on (their modules), so everything the
// app stores is reached over this network only.

@description('Prefix of the network resources\' names.')
param namePrefix string

@description('Azure region.')
param location string

@description('Tags applied to every resource.')
param tags {*: string}

@description('Address space of the virtual network.')
param addressPrefix string

@description('Address range of the app subnet (VNet integration); Flex Consumption takes addresses from it as it scales out.')
param appSubnetPrefix string

@description('Address range of the private endpoint subnet.')
param privateEndpointSubnetPrefix string

@description('Resource id of the storage account.')
param storageAccountId string

@description('Resource id of the config vault (read by the app).')
param configKeyVaultId string

@description('Resource id of the tokens vault (written by the app).')
param tokensKeyVaultId string

var appSubnetName = 'snet-app'
var privateEndpointSubnetName = 'snet-private-endpoints'

// Outbound traffic to GHL, Roezan, Entra ID and Application Insights leaves through a NAT gateway:
// new subnets get no implicit internet access, and the gateway gives the app one fixed public
// address that GHL or a firewall can allow.
resource outboundAddress 'Microsoft.Network/publicIPAddresses@2024-05-01' = {
  name: '${namePrefix}-nat-ip'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIPAllocationMethod: 'Static'
    publicIPAddressVersion: 'IPv4'
  }
}

resource natGateway 'Microsoft.Network/natGateways@2024-05-01' = {
  name: '${namePrefix}-nat'
  location: location
  tags: tags
  sku: {
    name: 'Standard'
  }
  properties: {
    publicIpAddresses: [
      {
        id: outboundAddress.id
      }
    ]
  }
}

resource network 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: '${namePrefix}-vnet'
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: appSubnetName
        properties: {
          addressPrefix: appSubnetPrefix
          // Flex Consumption runs on Container Apps infrastructure: its VNet integration needs a
          // subnet delegated to Microsoft.App/environments (not Microsoft.Web/serverFarms).
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
          natGateway: {
            id: natGateway.id
          }
        }
      }
      {
        name: privateEndpointSubnetName
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: appSubnetName
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: privateEndpointSubnetName
  }
}

// Key Vault's zone is privatelink.vaultcore.* next to the vault.* host names; derived from the
// cloud's Key Vault suffix so the template also works outside the public cloud.
module vaultZone 'private-dns-zone.bicep' = {
  name: 'dns-vault'
  params: {
    name: 'privatelink${replace(environment().suffixes.keyvaultDns, '.vault.', '.vaultcore.')}'
    virtualNetworkId: network.id
    tags: tags
  }
}

module blobZone 'private-dns-zone.bicep' = {
  name: 'dns-blob'
  params: {
    name: 'privatelink.blob.${environment().suffixes.storage}'
    virtualNetworkId: network.id
    tags: tags
  }
}

module queueZone 'private-dns-zone.bicep' = {
  name: 'dns-queue'
  params: {
    name: 'privatelink.queue.${environment().suffixes.storage}'
    virtualNetworkId: network.id
    tags: tags
  }
}

module tableZone 'private-dns-zone.bicep' = {
  name: 'dns-table'
  params: {
    name: 'privatelink.table.${environment().suffixes.storage}'
    virtualNetworkId: network.id
    tags: tags
  }
}

module configVaultEndpoint 'private-endpoint.bicep' = {
  name: 'pe-config-vault'
  params: {
    name: '${namePrefix}-pe-config-vault'
    location: location
    tags: tags
    subnetId: network::privateEndpointSubnet.id
    serviceId: configKeyVaultId
    groupId: 'vault'
    privateDnsZoneId: vaultZone.outputs.id
  }
}

module tokensVaultEndpoint 'private-endpoint.bicep' = {
  name: 'pe-tokens-vault'
  params: {
    name: '${namePrefix}-pe-tokens-vault'
    location: location
    tags: tags
    subnetId: network::privateEndpointSubnet.id
    serviceId: tokensKeyVaultId
    groupId: 'vault'
    privateDnsZoneId: vaultZone.outputs.id
  }
}

module blobEndpoint 'private-endpoint.bicep' = {
  name: 'pe-blob'
  params: {
    name: '${namePrefix}-pe-blob'
    location: location
    tags: tags
    subnetId: network::privateEndpointSubnet.id
    serviceId: storageAccountId
    groupId: 'blob'
    privateDnsZoneId: blobZone.outputs.id
  }
}

module queueEndpoint 'private-endpoint.bicep' = {
  name: 'pe-queue'
  params: {
    name: '${namePrefix}-pe-queue'
    location: location
    tags: tags
    subnetId: network::privateEndpointSubnet.id
    serviceId: storageAccountId
    groupId: 'queue'
    privateDnsZoneId: queueZone.outputs.id
  }
}

module tableEndpoint 'private-endpoint.bicep' = {
  name: 'pe-table'
  params: {
    name: '${namePrefix}-pe-table'
    location: location
    tags: tags
    subnetId: network::privateEndpointSubnet.id
    serviceId: storageAccountId
    groupId: 'table'
    privateDnsZoneId: tableZone.outputs.id
  }
}

// The app module takes this output, so it waits for this whole deployment (endpoints and DNS records
// included) and its first start already resolves storage and the vaults privately.
output appSubnetId string = network::appSubnet.id
