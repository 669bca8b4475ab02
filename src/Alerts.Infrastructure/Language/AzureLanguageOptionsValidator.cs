using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Language;

/// <summary>Checks the rules that span several settings, naming the setting to fix.</summary>
internal sealed class AzureLanguageOptionsValidator : IValidateOptions<AzureLanguageOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureLanguageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failure = ConnectionFailure(options);
        return failure is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failure);
    }

    /// <summary>Why the endpoint and authentication settings cannot work, or null when they can.</summary>
    public static string? ConnectionFailure(AzureLanguageOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint))
        {
            return "Alerts:Language:Endpoint is required when Alerts:Language:Enabled is true "
                + "(e.g. https://my-language.cognitiveservices.azure.com/).";
        }

        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint)
            || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            return "Alerts:Language:Endpoint must be an absolute https URL.";
        }

        // Entra ID tokens must never travel in clear text; Azure.Core refuses it too, but later and less clearly.
        if (string.IsNullOrEmpty(options.ApiKey) && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            return "Alerts:Language:Endpoint must use https when Alerts:Language:ApiKey is absent (managed identity authentication).";
        }

        return null;
    }
}
