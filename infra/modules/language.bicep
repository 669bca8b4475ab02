// Optional Azure AI Language account for entity enrichment; reached with Entra ID only.

param name string
param location string
param tags object

@allowed([
  'F0'
  'S'
])
@description('F0 is the free tier (one per subscription); S is pay as you go.')
param skuName string = 'S'

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: location
  tags: tags
  kind: 'TextAnalytics'
  sku: {
    name: skuName
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    // A custom subdomain is what makes Entra ID (managed identity) authentication possible.
    customSubDomainName: name
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = language.name
output id string = language.id
output endpoint string = language.properties.endpoint
