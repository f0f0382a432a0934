// One Key Vault. The deployment has two (main.bicep says why): a config vault the app only reads
// (Roezan webhook secrets and API keys, the GHL OAuth client credentials) and a tokens vault it
// writes (ghl-token-{locationId}, a new version on every OAuth refresh). Access is by Azure RBAC
// only (no access policies); soft delete and purge protection keep a deleted secret recoverable;
// every data-plane call is audited to Log Analytics.

@description('Name of the Key Vault (3-24 letters, digits and dashes).')
@minLength(3)
@maxLength(24)
param name string

@description('Azure region.')
param location string

@description('Tags applied to the vault.')
param tags {*: string}

@description('Days a deleted vault or secret stays recoverable (purge protection forbids purging it sooner).')
@minValue(7)
@maxValue(90)
param softDeleteRetentionInDays int = 90

@description('Resource id of the Log Analytics workspace that receives the vault\'s audit events.')
param logAnalyticsWorkspaceId string

@description('Refuse every request from public networks: the vault is then reached through its private endpoint only.')
param privateNetworking bool

resource vault 'Microsoft.KeyVault/vaults@2026-05-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: softDeleteRetentionInDays
    enablePurgeProtection: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
      bypass: 'AzureServices'
    }
  }
}

// AuditEvent records every secret read and write with the caller's identity and address: who read
// a webhook secret, which instance wrote a token version, and every refused request.
resource audit 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'audit-to-log-analytics'
  scope: vault
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

output id string = vault.id
output name string = vault.name
output uri string = vault.properties.vaultUri
