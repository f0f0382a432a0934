// The app's storage account: the Functions host state, the event queues, the ledger/link/cursor
// tables, the token-refresh leases and the deployment package. Shared keys are off: every caller
// (the host, the app's SDK clients, the Flex deployment) signs in with Entra ID. Deleted blobs and
// containers stay recoverable for a while (soft delete), claim-check payloads the app did not delete
// are removed by a lifecycle rule, and every read, write and delete is logged to Log Analytics.

@description('Name of the storage account (3-24 lower-case letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the account.')
param tags {*: string}

@description('Blob containers to create (the deployment package container, the events claim-check container, the lease container and the console configuration versions).')
param containerNames string[]

@description('Queues to create (the events queue and its poison queue).')
param queueNames string[]

@description('Tables to create ahead of the app, which also creates them at start.')
param tableNames string[]

@description('Container of the claim-check payloads (large events, {events queue}-payloads).')
param claimCheckContainerName string

@description('Days after which the lifecycle rule deletes a claim-check payload the app left behind.')
@minValue(1)
@maxValue(365)
param claimCheckRetentionDays int

@description('Days a deleted blob or container stays recoverable (soft delete).')
@minValue(1)
@maxValue(365)
param softDeleteRetentionDays int

@description('Resource id of the Log Analytics workspace that receives the blob, queue and table logs.')
param logAnalyticsWorkspaceId string

@description('Refuse every request from public networks: the account is then reached through its private endpoints only.')
param privateNetworking bool

// Every read, write and delete of each service (the categories a storage audit asks for).
var storageLogs = [
  {
    category: 'StorageRead'
    enabled: true
  }
  {
    category: 'StorageWrite'
    enabled: true
  }
  {
    category: 'StorageDelete'
    enabled: true
  }
]

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      // A blob or container deleted by mistake (or by a bug) can be restored within the retention.
      deleteRetentionPolicy: {
        enabled: true
        days: softDeleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: softDeleteRetentionDays
      }
    }

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }

  resource tableService 'tableServices' = {
    name: 'default'

    resource tables 'tables' = [
      for tableName in tableNames: {
        name: tableName
      }
    ]
  }

  // The app deletes a claim-check payload when its event finishes; a payload whose event never
  // finished (a crash, a poisoned message given up on) would otherwise keep message text forever.
  // The rule runs about once a day, so a payload goes between N and N+1 days after it was written.
  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'delete-leftover-claim-check-payloads'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${claimCheckContainerName}/']
              }
              actions: {
                baseBlob: {
                  delete: {
                    daysAfterModificationGreaterThan: claimCheckRetentionDays
                  }
                }
              }
            }
          }
        ]
      }
    }
  }
}

resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: storage::blobService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: storageLogs
  }
}

resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: storage::queueService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: storageLogs
  }
}

resource tableLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'logs-to-log-analytics'
  scope: storage::tableService
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: storageLogs
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output tableEndpoint string = storage.properties.primaryEndpoints.table
