// The Alerts Function App on the Flex Consumption plan (FC1), .NET 10 isolated worker, with a
// system-assigned managed identity that reaches storage, Key Vault, Application Insights and
// Azure AI Language without keys.

param planName string
param appName string
param location string
param tags object

@description('Tag azd uses to find the app to deploy to; matches the service name in azure.yaml.')
param serviceName string = 'functions'

param storageAccountName string
param blobEndpoint string
param queueEndpoint string
param tableEndpoint string
param deploymentContainerUrl string
param applicationInsightsConnectionString string

@description('Queue names, as the app reads them from app settings.')
param feedsToFetchQueueName string
param articlesQueueName string
param deliveriesQueueName string
param digestsQueueName string

@description('NCRONTAB (6 fields) of the IngestFeeds timer.')
param ingestSchedule string

param smtpHost string
param smtpPort int
param smtpFromAddress string
param smtpUserName string

@description('Versionless Key Vault secret URI of the SMTP password; empty (no SMTP user) leaves the setting out.')
param smtpPasswordSecretUri string

@description('Versionless Key Vault secret URI of the unsubscribe signing key.')
param unsubscribeSigningKeySecretUri string

param languageEnabled bool
param languageEndpoint string

@description('Public base URL used in links (unsubscribe, admin); empty means the app\'s own https address.')
param publicBaseUrl string

@description('Comma-separated function names to keep disabled (AzureWebJobs.<name>.Disabled=true) across provisions.')
param disabledFunctions string = ''

@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'SystemAssignedIdentity'
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
}

// Flex Consumption takes the worker runtime from functionAppConfig: FUNCTIONS_WORKER_RUNTIME,
// FUNCTIONS_EXTENSION_VERSION and WEBSITE_RUN_FROM_PACKAGE must not be set here.
var baseSettings = {
  // Identity-based host storage: the same settings section the app's queue and table clients read.
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'Authorization=AAD'
  FeedsToFetchQueueName: feedsToFetchQueueName
  ArticlesQueueName: articlesQueueName
  DeliveriesQueueName: deliveriesQueueName
  DigestsQueueName: digestsQueueName
  IngestSchedule: ingestSchedule
  Alerts__Smtp__Host: smtpHost
  Alerts__Smtp__Port: string(smtpPort)
  Alerts__Smtp__FromAddress: smtpFromAddress
  Alerts__Smtp__UserName: smtpUserName
  Alerts__Language__Enabled: languageEnabled ? 'true' : 'false'
  Alerts__Language__Endpoint: languageEndpoint
  Alerts__UnsubscribeSigningKey: '@Microsoft.KeyVault(SecretUri=${unsubscribeSigningKeySecretUri})'
  Alerts__PublicBaseUrl: empty(publicBaseUrl) ? 'https://${app.properties.defaultHostName}' : publicBaseUrl
}

var secretSettings = empty(smtpPasswordSecretUri) ? {} : {
  Alerts__Smtp__Password: '@Microsoft.KeyVault(SecretUri=${smtpPasswordSecretUri})'
}

// This resource replaces the whole settings list on every provision, so a function disabled in the
// portal comes back on the next `azd provision` unless it is listed here too.
var disabledFunctionNames = filter(map(split(disabledFunctions, ','), f => trim(f)), f => !empty(f))
var disabledSettings = toObject(disabledFunctionNames, f => 'AzureWebJobs.${f}.Disabled', f => 'true')

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(baseSettings, secretSettings, disabledSettings)
}

output name string = app.name
output id string = app.id
output principalId string = app.identity.principalId
output defaultHostName string = app.properties.defaultHostName
