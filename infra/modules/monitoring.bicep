// Log Analytics + workspace-based Application Insights. Local (instrumentation key) auth is off:
// telemetry is accepted only from an Entra identity holding Monitoring Metrics Publisher. The same
// workspace receives the Key Vault audit events and the storage logs.

@description('Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Name of the Application Insights component.')
param applicationInsightsName string

@description('Azure region.')
param location string

@description('Tags applied to both resources.')
param tags {*: string}

@description('Days Log Analytics keeps the logs.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2026-03-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

output applicationInsightsName string = applicationInsights.name
// Key Vault audit events and storage logs are sent here too (diagnostic settings in their modules).
output logAnalyticsWorkspaceId string = workspace.id
// The connection string names the ingestion endpoint; with local auth off it grants nothing by itself.
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString
