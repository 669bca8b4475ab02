// Key Vault (RBAC mode) for secrets the app reads through Key Vault references.

param name string
param location string
param tags object

@secure()
@description('SMTP password; when empty no secret is created (the operator can set it in the vault).')
param smtpPassword string = ''

@description('Name of the secret that holds the SMTP password.')
param smtpPasswordSecretName string = 'smtp-password'

@secure()
@minLength(16)
@description('Key that signs unsubscribe links (Alerts:UnsubscribeSigningKey).')
param unsubscribeSigningKey string

@description('Name of the secret that holds the unsubscribe signing key; azd reads it back on later runs.')
param unsubscribeSigningKeySecretName string = 'unsubscribe-signing-key'

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain'
  }
}

resource unsubscribeSigningKeySecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: unsubscribeSigningKeySecretName
  properties: {
    value: unsubscribeSigningKey
    contentType: 'text/plain'
  }
}

output name string = vault.name
output id string = vault.id
output uri string = vault.properties.vaultUri
