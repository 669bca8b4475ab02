using Azure.Core;

namespace Alerts.Infrastructure.Language;

/// <summary>
/// Azure.Core client options for the analyze-text pipeline: the same retry, logging and
/// telemetry machinery the Azure SDK clients use.
/// </summary>
public sealed class LanguageClientOptions : ClientOptions
{
    /// <summary>Options derived from the application settings.</summary>
    public static LanguageClientOptions From(AzureLanguageOptions settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var options = new LanguageClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = settings.MaxRetries;
        options.Retry.Delay = settings.RetryDelay;
        options.Retry.MaxDelay = settings.MaxRetryDelay;
        options.Retry.NetworkTimeout = settings.NetworkTimeout;
        options.RetryPolicy = new LanguageRetryPolicy(settings, timeProvider);
        options.Diagnostics.ApplicationId = "alerts";
        // Article text must not end up in logs.
        options.Diagnostics.IsLoggingContentEnabled = false;
        return options;
    }
}
