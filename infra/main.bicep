// Alerts on Azure: `azd up` provisions this and deploys src/Alerts.Functions into it.
// Subscription scope, as azd templates do: one resource group per azd environment.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource. It must offer the Flex Consumption plan (az functionapp list-flexconsumption-locations).')
param location string

@description('Object id of the deploying user (azd sets AZURE_PRINCIPAL_ID); gets queue and table data roles for operations.')
param principalId string = ''

@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('NCRONTAB schedule of the IngestFeeds timer (six fields, seconds first).')
param ingestSchedule string = '0 */5 * * * *'

@description('SMTP server that sends alert e-mails (Azure Communication Services, Office 365, SendGrid...).')
param smtpHost string = ''

@minValue(1)
@maxValue(65535)
param smtpPort int = 587

@description('Sender address of alert e-mails.')
param smtpFromAddress string = ''

param smtpUserName string = ''

@secure()
@description('SMTP password, stored in Key Vault (secret smtp-password) and given to the app as a Key Vault reference. May be left empty and set in Key Vault directly.')
param smtpPassword string = ''

@secure()
@minLength(16)
@description('Key that signs unsubscribe links; azd generates it once and keeps it in Key Vault (secretOrRandomPassword).')
param unsubscribeSigningKey string

@description('Deploy an Azure AI Language account and turn on entity enrichment.')
param enableLanguage bool = false

@allowed([
  'F0'
  'S'
])
param languageSku string = 'S'

@description('Public base URL for links in alerts; empty means the Function App\'s own address.')
param publicBaseUrl string = ''

@description('Comma-separated function names to keep disabled, e.g. "DeliverAlert" while an SMTP outage lasts.')
param disabledFunctions string = ''

@minValue(40)
@maxValue(1000)
@description('Upper bound of Flex Consumption instances.')
param maximumInstanceCount int = 100

@description('E-mail address the alert rules notify (poison messages, failing deliveries and sources, no new articles); empty: rules without notification.')
param alertEmail string = ''

@description('Days without any topic match (while sources are fetched) after which the coverage alert fires; 0 leaves it out.')
@minValue(0)
param topicSilenceDays int = 0

var tags = {
  'azd-env-name': environmentName
  application: 'alerts'
}

// Short, stable and unique per subscription/environment/region, as azd templates do.
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))

var queueNames = {
  feedsToFetch: 'feeds-to-fetch'
  articles: 'articles'
  deliveries: 'deliveries'
  digests: 'digests'
}

var tableNames = [
  'sources'
  'topics'
  'subscribers'
  'subscriptions'
  'articles'
  'deliveries'
  'storyclusters'
  'failures'
  'pending'
  'sendcounts'
  'recentarticles'
  'judgments'
]

var smtpPasswordSecretName = 'smtp-password'
var unsubscribeSigningKeySecretName = 'unsubscribe-signing-key'

var functionAppName = 'func-alerts-${resourceToken}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: 'st${resourceToken}'
    location: location
    tags: tags
    queueNames: [
      queueNames.feedsToFetch
      queueNames.articles
      queueNames.deliveries
      queueNames.digests
    ]
    tableNames: tableNames
    // Flex Consumption reads the deployment package from this container.
    deploymentContainerName: 'app-package-${take(functionAppName, 32)}'
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: 'appi-${resourceToken}'
    location: location
    tags: tags
  }
}

module alerts 'modules/alerts.bicep' = {
  name: 'alerts'
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    alertEmail: alertEmail
    topicSilenceDays: topicSilenceDays
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: 'kv-${resourceToken}'
    location: location
    tags: tags
    smtpPassword: smtpPassword
    smtpPasswordSecretName: smtpPasswordSecretName
    unsubscribeSigningKey: unsubscribeSigningKey
    unsubscribeSigningKeySecretName: unsubscribeSigningKeySecretName
  }
}

module language 'modules/language.bicep' = if (enableLanguage) {
  name: 'language'
  scope: resourceGroup
  params: {
    name: 'lang-${resourceToken}'
    location: location
    tags: tags
    skuName: languageSku
  }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    planName: 'plan-${resourceToken}'
    appName: functionAppName
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    feedsToFetchQueueName: queueNames.feedsToFetch
    articlesQueueName: queueNames.articles
    deliveriesQueueName: queueNames.deliveries
    digestsQueueName: queueNames.digests
    ingestSchedule: ingestSchedule
    smtpHost: smtpHost
    smtpPort: smtpPort
    smtpFromAddress: smtpFromAddress
    smtpUserName: smtpUserName
    // Versionless secret URI, so a rotated password is picked up without a redeployment.
    // An SMTP user name means a password is expected in Key Vault, given now or set there later.
    smtpPasswordSecretUri: empty(smtpUserName) ? '' : '${keyVault.outputs.uri}secrets/${smtpPasswordSecretName}'
    unsubscribeSigningKeySecretUri: '${keyVault.outputs.uri}secrets/${unsubscribeSigningKeySecretName}'
    languageEnabled: enableLanguage
    languageEndpoint: enableLanguage ? language!.outputs.endpoint : ''
    publicBaseUrl: publicBaseUrl
    maximumInstanceCount: maximumInstanceCount
    disabledFunctions: disabledFunctions
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    languageAccountName: enableLanguage ? language!.outputs.name : ''
    appPrincipalId: functionApp.outputs.principalId
    operatorPrincipalId: principalId
    operatorPrincipalType: principalType
  }
}

// azd stores these in the environment (.azure/<env>/.env); `alerts ops` and the docs use them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output AZURE_STORAGE_TABLE_ENDPOINT string = storage.outputs.tableEndpoint
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_LANGUAGE_ENDPOINT string = enableLanguage ? language!.outputs.endpoint : ''
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = monitoring.outputs.logAnalyticsWorkspaceName
