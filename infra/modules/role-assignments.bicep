// Every role the deployment grants, each scoped to the one resource it is about and named
// guid(scope, principal, role) so that a second deployment finds the same assignment (idempotent).

@description('Name of the storage account holding the queues, tables, leases and deployment package.')
param storageAccountName string

@description('Name of the config vault: webhook secrets, Roezan API keys, GHL OAuth client credentials (the app only reads it).')
param configKeyVaultName string

@description('Name of the tokens vault: ghl-token-{locationId} (the app reads and writes it).')
param tokensKeyVaultName string

@description('Name of the Application Insights component the app reports to.')
param applicationInsightsName string

@description('Principal (object) id of the function app\'s user-assigned identity.')
param appPrincipalId string

@description('Principal (object) id of the operator who stores tokens and runs the operator CLI; empty grants nothing.')
param operatorPrincipalId string = ''

@description('Kind of principal the operator id names.')
param operatorPrincipalType ('User' | 'Group' | 'ServicePrincipal') = 'User'

// Built-in role definition ids by role name: the only place the ids appear.
var roleDefinitionIds = {
  'Storage Blob Data Owner': 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  'Storage Queue Data Contributor': '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  'Storage Table Data Contributor': '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  'Key Vault Secrets Officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  'Key Vault Secrets User': '4633458b-17de-408a-b874-0445c86b69e6'
  'Monitoring Metrics Publisher': '3913510d-42f4-4e42-8a64-420c390055eb'
}

var grantOperator = !empty(operatorPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource configVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: configKeyVaultName
}

resource tokensVault 'Microsoft.KeyVault/vaults@2026-05-15' existing = {
  name: tokensKeyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Owner rather than Contributor: with identity-based AzureWebJobsStorage the Functions host keeps
// its keys, timer schedule state and singleton locks in blobs and needs to manage them, the app
// takes blob leases for token refresh, and the Flex deployment reads the package with this identity.
resource appBlobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleDefinitionIds['Storage Blob Data Owner'])
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Storage Blob Data Owner'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Read, add, update and delete messages: covers what Queue Data Message Sender and Processor grant.
resource appQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleDefinitionIds['Storage Queue Data Contributor'])
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Storage Queue Data Contributor'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// The ledger, link and cursor tables: the app creates them at start and reads and writes entities.
resource appTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, appPrincipalId, roleDefinitionIds['Storage Table Data Contributor'])
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Storage Table Data Contributor'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Least privilege on secrets. The app reads the webhook secrets, the Roezan API keys and the OAuth
// client credentials, and writes only GHL tokens: an OAuth refresh returns a new single-use refresh
// token that must be saved as a new secret version before use, and an OAuth install writes a
// location's first token set. So the tokens live in their own vault, where the app is Secrets
// Officer, and everything else in the config vault, where it is Secrets User (read only): a
// compromised app can rewrite a token, never a webhook secret or the client secret.
// Split vaults rather than Secrets Officer scoped to each ghl-token-{locationId} secret: a role
// assignment's scope must exist when it is made, but token secrets appear after the deployment
// (an operator stores a PIT, an OAuth install creates one), so per-secret scopes would mean creating
// placeholder secrets here, which a later provision would overwrite with the placeholder, wiping the
// real token; and an install for a new location could never create its secret.
resource appConfigVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(configVault.id, appPrincipalId, roleDefinitionIds['Key Vault Secrets User'])
  scope: configVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Key Vault Secrets User'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource appTokensVaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(tokensVault.id, appPrincipalId, roleDefinitionIds['Key Vault Secrets Officer'])
  scope: tokensVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Key Vault Secrets Officer'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Application Insights has local auth off, so telemetry is accepted only from this identity.
resource appMonitoringMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roleDefinitionIds['Monitoring Metrics Publisher'])
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Monitoring Metrics Publisher'])
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// With RBAC authorization even a subscription Owner cannot write secrets without a data-plane role:
// the operator stores webhook secrets and OAuth client credentials in the config vault and Private
// Integration tokens in the tokens vault.
resource operatorConfigVaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOperator) {
  name: guid(configVault.id, operatorPrincipalId, roleDefinitionIds['Key Vault Secrets Officer'])
  scope: configVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Key Vault Secrets Officer'])
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorTokensVaultSecretsOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOperator) {
  name: guid(tokensVault.id, operatorPrincipalId, roleDefinitionIds['Key Vault Secrets Officer'])
  scope: tokensVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Key Vault Secrets Officer'])
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

// The operator CLI reads the event ledger and links, and re-drives messages from the poison queue.
resource operatorTableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOperator) {
  name: guid(storage.id, operatorPrincipalId, roleDefinitionIds['Storage Table Data Contributor'])
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Storage Table Data Contributor'])
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}

resource operatorQueueDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (grantOperator) {
  name: guid(storage.id, operatorPrincipalId, roleDefinitionIds['Storage Queue Data Contributor'])
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleDefinitionIds['Storage Queue Data Contributor'])
    principalId: operatorPrincipalId
    principalType: operatorPrincipalType
  }
}
