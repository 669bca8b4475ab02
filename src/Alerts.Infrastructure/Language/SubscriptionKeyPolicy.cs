using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Infrastructure.Language;

/// <summary>
/// Sets the resource key header on every attempt. Azure.Core's own key policy is internal to the
/// SDK assemblies, so this is the few lines it takes; reading the credential per request keeps
/// <see cref="AzureKeyCredential.Update"/> (key rotation) working.
/// </summary>
internal sealed class SubscriptionKeyPolicy(AzureKeyCredential credential, string headerName) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Request.Headers.SetValue(headerName, credential.Key);
    }
}
