// RoezanGhl in Azure: a Flex Consumption function app that runs as one user-assigned identity, its
// storage account (shared keys off), two Key Vaults (RBAC, soft delete, purge protection: a config
// vault the app only reads and a tokens vault it writes) and workspace-based Application Insights
// (local auth off); Key Vault audit events and storage logs go to the same Log Analytics workspace.
// Optionally (enablePrivateNetworking) storage and the vaults are reachable only through private
// endpoints in a virtual network the app joins. Deployed at subscription scope so that the resource
// group is part of the template: `azd up`, or `az deployment sub create`.

targetScope = 'subscription'

import { roezanAccount } from 'modules/accounts.bicep'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd environment name): names the resource group and seeds the unique resource names.')
param environmentName string

@minLength(1)
@description('Azure region of every resource; it must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Resource group to create or reuse; empty means rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the operator (user, group or service principal) who stores tokens in Key Vault and runs the operator CLI; empty grants no one.')
param operatorPrincipalId string = ''

@description('Kind of principal operatorPrincipalId names.')
param operatorPrincipalType ('User' | 'Group' | 'ServicePrincipal') = 'User'

@description('GHL API base URL (Ghl__BaseUrl).')
param ghlBaseUrl string = 'https://services.leadconnectorhq.com'

@description('GHL API version header (Ghl__ApiVersion).')
param ghlApiVersion string = '2021-07-28'

@description('NCRONTAB schedule of the reconciliation timer, seconds first (Sync__ReconcileSchedule).')
param reconcileSchedule string = '0 */15 * * * *'

@description('GHL calls one reconciliation run may spend per location (Sync__ReconcileCallBudget); runs never touch the GHL client\'s daily reserve either way.')
@minValue(1)
@maxValue(100000)
param reconcileCallBudget int = 300

@description('Repair writes the last Roezan values back to contacts edited in GHL; Report only logs and counts them (Sync__DriftMode).')
param driftMode ('Repair' | 'Report') = 'Repair'

@description('Recreate linked contacts deleted in GHL from their last Roezan state (Sync__ReconcileRecreateDeleted); they are reported either way.')
param reconcileRecreateDeleted bool = false

@description('Days a finished event\'s ledger row and plan data are kept; the reconciliation run deletes older ones (Sync__RetentionDays).')
@minValue(1)
@maxValue(3650)
param retentionDays int = 30
@description('Catch GHL contact changes whose webhook never came (contacts search by dateUpdated) and feed them to Roezan like the GHL door (Sync__ReconcileGhlChanges).')
param reconcileGhlChanges bool = true

@description('GHL calls per location and day that background work (reconciliation) leaves untouched for live events (Ghl__DailyReserve).')
@minValue(0)
@maxValue(200000)
param ghlDailyReserve int = 20000

@description('This app\'s OAuth callback URL as registered in the GHL marketplace app (GhlOAuth__RedirectUri), e.g. https://<host>/api/ghl/oauth/callback; empty when locations use Private Integration tokens only.')
param ghlOAuthRedirectUri string = ''

@description('Optional Teams/Slack-style incoming webhook URL that gets one short message per permanent failure (Notifications__WebhookUrl).')
@secure()
param notificationWebhookUrl string = ''

@description('Base URL of the Roezan integration API (Roezan__Api__BaseUrl); used only for accounts with a roezan-api-key-<account> secret.')
param roezanApiBaseUrl string = 'https://app.roezan.com/api'

@description('Most instances the app scales out to. Every instance applies events to GHL, so this bounds the load on GHL (100 requests per 10 s per location).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Memory of each instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Roezan accounts the app serves; each becomes Roezan__Accounts__<id>__* app settings.')
param accounts roezanAccount[] = []

@description('Days a deleted blob or blob container stays recoverable (storage soft delete).')
@minValue(1)
@maxValue(365)
param blobSoftDeleteRetentionDays int = 7

@description('Days after which a storage lifecycle rule deletes claim-check payloads ({events queue}-payloads) the app left behind; the app deletes each one when its event finishes.')
@minValue(1)
@maxValue(365)
param claimCheckRetentionDays int = 7

@description('Private networking: a virtual network the app joins (VNet integration), private endpoints and privatelink DNS zones for both vaults and for blob, queue and table storage, and public network access off on the vaults and the storage account. Needs the Microsoft.App resource provider registered; see docs/deploy.md.')
param enablePrivateNetworking bool = false

@description('Address space of the virtual network (enablePrivateNetworking only).')
param virtualNetworkAddressPrefix string = '10.40.0.0/16'

@description('App subnet for VNet integration, delegated to Microsoft.App/environments (enablePrivateNetworking only).')
param appSubnetAddressPrefix string = '10.40.0.0/24'

@description('Subnet of the private endpoints (enablePrivateNetworking only).')
param privateEndpointSubnetAddressPrefix string = '10.40.1.0/24'

@description('Client id of the Microsoft Entra app registration people sign in to the console with. Empty: the console is disabled in Azure.')
param consoleClientId string = ''

@description('Tenant of the console app registration; empty means the tenant of this deployment.')
param consoleTenantId string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'roezan-ghl'
}

// Storage names the app relies on: the queue and prefix are also handed to the app as settings.
var eventsQueueName = 'roezan-events'
var tablePrefix = 'RoezanGhl'
var deploymentContainerName = 'app-package'
var tokenLeaseContainerName = 'roezan-ghl-leases'
// The app writes events too large for a queue message here (RoezanEventQueueClient: {queue}-payloads).
var claimCheckContainerName = '${eventsQueueName}-payloads'
// Sync state too large for a table row (StateBlobs: {queue}-state).
var stateContainerName = '${eventsQueueName}-state'
// The account configurations saved from the console, one blob per version (AccountConfigurationVersions).
var configurationsContainerName = 'roezanghl-configurations' // {table prefix in lower case}-configurations

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-roezanghl-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    // Exactly the app's StorageNames for these settings (a test in tests/RoezanGhl.Infra.Tests holds them together).
    containerNames: [deploymentContainerName, claimCheckContainerName, stateContainerName, tokenLeaseContainerName, configurationsContainerName]
    queueNames: [eventsQueueName, '${eventsQueueName}-poison']
    tableNames: ['${tablePrefix}Events', '${tablePrefix}Links', '${tablePrefix}Cursors', '${tablePrefix}LocationStatus', '${tablePrefix}OAuthStates', '${tablePrefix}SmsSends']
    claimCheckContainerName: claimCheckContainerName
    claimCheckRetentionDays: claimCheckRetentionDays
    softDeleteRetentionDays: blobSoftDeleteRetentionDays
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    privateNetworking: enablePrivateNetworking
  }
}

// Two vaults so that the app can write GHL tokens and nothing else (role-assignments.bicep says why
// split vaults rather than per-secret roles). The config vault keeps the name the single vault had,
// so an existing deployment keeps its webhook secrets and client credentials where they are.
module configVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  scope: rg
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    privateNetworking: enablePrivateNetworking
  }
}

module tokensVault 'modules/key-vault.bicep' = {
  name: 'tokens-key-vault'
  scope: rg
  params: {
    name: 'kvt-${resourceToken}'
    location: location
    tags: tags
    logAnalyticsWorkspaceId: monitoring.outputs.logAnalyticsWorkspaceId
    privateNetworking: enablePrivateNetworking
  }
}

module network 'modules/network.bicep' = if (enablePrivateNetworking) {
  name: 'network'
  scope: rg
  params: {
    namePrefix: 'roezanghl-${resourceToken}'
    location: location
    tags: tags
    addressPrefix: virtualNetworkAddressPrefix
    appSubnetPrefix: appSubnetAddressPrefix
    privateEndpointSubnetPrefix: privateEndpointSubnetAddressPrefix
    storageAccountId: storage.outputs.id
    configKeyVaultId: configVault.outputs.id
    tokensKeyVaultId: tokensVault.outputs.id
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-roezanghl-${resourceToken}'
    applicationInsightsName: 'appi-roezanghl-${resourceToken}'
    location: location
    tags: tags
  }
}

module roles 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    configKeyVaultName: configVault.outputs.name
    tokensKeyVaultName: tokensVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  // The host starts with the identity's roles in place, not before them.
  dependsOn: [roles]
  params: {
    name: 'func-roezanghl-${resourceToken}'
    planName: 'plan-roezanghl-${resourceToken}'
    location: location
    tags: tags
    azdServiceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    storageTableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: configVault.outputs.uri
    tokensKeyVaultUri: tokensVault.outputs.uri
    virtualNetworkSubnetId: enablePrivateNetworking ? network!.outputs.appSubnetId : null
    ghlBaseUrl: ghlBaseUrl
    ghlApiVersion: ghlApiVersion
    eventsQueueName: eventsQueueName
    tablePrefix: tablePrefix
    reconcileSchedule: reconcileSchedule
    reconcileCallBudget: reconcileCallBudget
    driftMode: driftMode
    reconcileRecreateDeleted: reconcileRecreateDeleted
    retentionDays: retentionDays
    reconcileGhlChanges: reconcileGhlChanges
    roezanApiBaseUrl: roezanApiBaseUrl
    ghlDailyReserve: ghlDailyReserve
    ghlOAuthRedirectUri: ghlOAuthRedirectUri
    notificationWebhookUrl: notificationWebhookUrl
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    accounts: accounts
    consoleClientId: consoleClientId
    consoleTenantId: !empty(consoleTenantId) ? consoleTenantId : tenant().tenantId
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
@description('The config vault: Roezan webhook secrets and API keys, GHL OAuth client credentials (KeyVault__VaultUri).')
output AZURE_KEY_VAULT_NAME string = configVault.outputs.name
output AZURE_KEY_VAULT_URI string = configVault.outputs.uri
@description('The tokens vault: ghl-token-{locationId} (KeyVault__TokensVaultUri).')
output AZURE_TOKENS_KEY_VAULT_NAME string = tokensVault.outputs.name
output AZURE_TOKENS_KEY_VAULT_URI string = tokensVault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
@description('Webhook URL of a Roezan account: replace {accountId} and append ?code=<function key>.')
output ROEZAN_WEBHOOK_URL_BASE string = 'https://${functionApp.outputs.defaultHostName}/api/roezan/{accountId}/events'
@description('Start of the GHL OAuth install flow (when the app uses a GHL Marketplace app rather than Private Integration tokens).')
output CONSOLE_URL string = 'https://${functionApp.outputs.defaultHostName}/api/console'
output GHL_OAUTH_START_URL string = 'https://${functionApp.outputs.defaultHostName}/api/ghl/oauth/start'
