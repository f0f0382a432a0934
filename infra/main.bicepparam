// Parameters for `azd up` (azd exports its environment: AZURE_ENV_NAME, AZURE_LOCATION,
// AZURE_PRINCIPAL_ID) and for `az deployment sub create --parameters infra/main.bicepparam` (export
// the same variables first). Other parameters keep the defaults in main.bicep unless set here or
// overridden on the command line.
using 'main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME')
param location = readEnvironmentVariable('AZURE_LOCATION')
param operatorPrincipalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param operatorPrincipalType = readEnvironmentVariable('AZURE_PRINCIPAL_TYPE', 'User')

// JSON array of accounts, e.g. [{"id":"acme","ghlLocationId":"<location id>","timeZone":"America/Chicago"}]
// (azd env set ROEZAN_ACCOUNTS '<json>').
param accounts = json(readEnvironmentVariable('ROEZAN_ACCOUNTS', '[]'))

param maximumInstanceCount = int(readEnvironmentVariable('ROEZAN_MAXIMUM_INSTANCE_COUNT', '10'))

// OAuth install: this app's callback URL as registered in the GHL marketplace app (known after the first
// deployment: https://<host>/api/ghl/oauth/callback). Empty when every location uses a Private Integration token.
param ghlOAuthRedirectUri = readEnvironmentVariable('GHL_OAUTH_REDIRECT_URI', '')

// Optional Teams/Slack-style incoming webhook for failure notifications.
param notificationWebhookUrl = readEnvironmentVariable('ROEZAN_NOTIFICATION_WEBHOOK_URL', '')

// Private networking (off unless set to true): VNet integration, private endpoints, public access off
// on storage and the vaults. Read docs/deploy.md first (prerequisites, how operators reach the vaults).
param enablePrivateNetworking = bool(readEnvironmentVariable('ROEZAN_PRIVATE_NETWORKING', 'false'))

// The console's Entra ID sign-in (docs/console.md): the app registration's client id; empty leaves the console off.
param consoleClientId = readEnvironmentVariable('ROEZAN_CONSOLE_CLIENT_ID', '')
param consoleTenantId = readEnvironmentVariable('ROEZAN_CONSOLE_TENANT_ID', '')
