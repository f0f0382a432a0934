// The Flex Consumption (FC1) Linux function app. Flex takes the runtime from
// functionAppConfig.runtime and the package from functionAppConfig.deployment, so the classic
// settings that used to carry them are never set here (Flex rejects them).

import { roezanAccount, roezanAccountSettings } from 'accounts.bicep'

@description('Name of the function app (also its default host name).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('Azure region.')
param location string

@description('Tags applied to the plan and the app.')
param tags {*: string}

@description('Value of the azd-service-name tag that azd deploys the code to.')
param azdServiceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of that identity (the app and the host sign in with it).')
param identityClientId string

@description('Blob endpoint of the app\'s storage account.')
param storageBlobEndpoint string

@description('Queue endpoint of the app\'s storage account.')
param storageQueueEndpoint string

@description('Table endpoint of the app\'s storage account.')
param storageTableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Application Insights connection string (names the ingestion endpoint; local auth is off).')
param applicationInsightsConnectionString string

@description('URI of the config vault (webhook secrets, Roezan API keys, OAuth client credentials), which the app only reads.')
param keyVaultUri string

@description('URI of the tokens vault (ghl-token-{locationId}), which the app reads and writes.')
param tokensKeyVaultUri string

@description('Resource id of the subnet (delegated to Microsoft.App/environments) the app joins; null: no VNet integration.')
param virtualNetworkSubnetId string?

@description('GHL API base URL.')
param ghlBaseUrl string

@description('GHL API version header value.')
param ghlApiVersion string

@description('Queue the webhook writes events to; the host names its poison queue <name>-poison.')
param eventsQueueName string

@description('Prefix of the ledger, link and cursor tables.')
param tablePrefix string

@description('NCRONTAB schedule of the reconciliation timer (six fields, seconds first).')
param reconcileSchedule string

@description('GHL calls one reconciliation run may spend per location.')
@minValue(1)
@maxValue(100000)
param reconcileCallBudget int

@description('What reconciliation does with a contact edited in GHL away from its last Roezan state.')
param driftMode ('Repair' | 'Report')

@description('Whether reconciliation recreates linked contacts deleted in GHL (they are reported either way).')
param reconcileRecreateDeleted bool

@description('Days a finished event\'s ledger row is kept (Sync__RetentionDays).')
param retentionDays int
@description('Sync__ReconcileGhlChanges: reconciliation catches GHL changes no webhook delivered.')
param reconcileGhlChanges bool

@description('Base URL of the Roezan integration API (used to find inbound messages the webhook missed).')
param roezanApiBaseUrl string

@description('GHL calls per location and day kept for live events; background work stops before it.')
@minValue(0)
param ghlDailyReserve int

@description('OAuth callback URL registered in the GHL marketplace app; empty when only Private Integration tokens are used.')
param ghlOAuthRedirectUri string

@description('Optional incoming webhook URL for failure notifications.')
@secure()
param notificationWebhookUrl string

@description('Upper bound of instances; each instance applies events to GHL, so this bounds the load on GHL.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int

@description('Roezan accounts served by the app.')
param accounts roezanAccount[]

@description('Client id of the Microsoft Entra app registration people sign in to the console with (App Service built-in authentication). Empty: no built-in authentication and the console is disabled (Console__Access Disabled).')
param consoleClientId string = ''

@description('Tenant of that app registration (default: the tenant of this deployment).')
param consoleTenantId string = tenant().tenantId

// Every setting the app reads, in one object (the infra tests compare its keys with
// local.settings.sample.json). Storage is identity-based: no AzureWebJobsStorage connection string.
var appSettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: storageBlobEndpoint
  AzureWebJobsStorage__queueServiceUri: storageQueueEndpoint
  AzureWebJobsStorage__tableServiceUri: storageTableEndpoint
  // DefaultAzureCredential picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
  KeyVault__VaultUri: keyVaultUri
  KeyVault__TokensVaultUri: tokensKeyVaultUri
  Ghl__BaseUrl: ghlBaseUrl
  Ghl__ApiVersion: ghlApiVersion
  Sync__EventsQueue: eventsQueueName
  Sync__TablePrefix: tablePrefix
  Sync__ReconcileSchedule: reconcileSchedule
  Sync__ReconcileCallBudget: string(reconcileCallBudget)
  Sync__DriftMode: driftMode
  Sync__ReconcileRecreateDeleted: reconcileRecreateDeleted ? 'true' : 'false'
  Sync__RetentionDays: string(retentionDays)
  Sync__ReconcileGhlChanges: reconcileGhlChanges ? 'true' : 'false'
  Roezan__Api__BaseUrl: roezanApiBaseUrl
  Ghl__DailyReserve: string(ghlDailyReserve)
  GhlOAuth__RedirectUri: ghlOAuthRedirectUri
  // An OAuth install never replaces a working Private Integration token unless an operator turns this on.
  GhlOAuth__AllowReplacingPrivateIntegrationToken: 'false'
  Notifications__WebhookUrl: notificationWebhookUrl
  // Empty keys mean HighLevel's published ones (see GhlWebhookOptions); set them here when HighLevel rotates.
  GhlWebhook__PublicKeys__0: ''
  GhlWebhook__AllowLegacyRsa: 'false'
  GhlWebhook__LegacyPublicKey: ''
  GhlWebhook__MaxBodyBytes: '262144'
  GhlWebhook__TimestampTolerance: '00:05:00'
  // The console (docs/console.md): Entra ID sign-in when an app registration is given, otherwise off.
  Console__Access: empty(consoleClientId) ? 'Disabled' : 'EntraId'
  Console__SessionLifetime: '08:00:00'
  Console__ConfigurationRefresh: '00:00:15'
  // What GHL shows a reply typed there once Roezan accepted it; 'pending' once Roezan's message.status webhooks are wired (docs/conversations.md).
  Conversations__AcceptedReplyStatus: 'delivered'
}

var accountSettings = roezanAccountSettings(accounts)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Outbound VNet integration: with private networking the app reaches storage and the vaults
    // through their private endpoints (inbound stays public for the webhooks and the OAuth callback).
    virtualNetworkSubnetId: virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: union(appSettings, accountSettings)
  }

  // Deployments go through Entra ID (azd, az functionapp deploy); basic publishing credentials stay off.
  resource ftpCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmCredentials 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName

// The console's sign-in: App Service built-in authentication with Microsoft Entra ID, supported on Flex Consumption
// (MicrosoftDocs azure-docs, migration/migrate-plan-consumption-to-flex.md, 09/2025: "Configure built-in
// authentication" on the Flex app; the 2024 preview note "EasyAuth isn't currently supported" is gone). Every path
// needs a signed-in person except those whose callers prove themselves another way: Roezan's webhook (function key and
// signature), GHL's OAuth callback and webhooks (signed state, signed payloads) and the health probe. The console
// functions also require the principal header the platform sets (defence in depth, ConsoleGate).
resource consoleAuth 'Microsoft.Web/sites/config@2025-03-01' = if (!empty(consoleClientId)) {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'RedirectToLoginPage'
      redirectToProvider: 'azureactivedirectory'
      excludedPaths: ['/api/roezan', '/api/ghl', '/api/health']
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          openIdIssuer: '${environment().authentication.loginEndpoint}${consoleTenantId}/v2.0'
          clientId: consoleClientId
        }
        validation: {
          allowedAudiences: ['api://${consoleClientId}', consoleClientId]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}
