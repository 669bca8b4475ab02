using System.Globalization;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Alerts.Infrastructure.Language;

/// <summary>
/// Azure.Core's retry policy (exponential back-off, waits at least the service's <c>Retry-After</c>,
/// <c>retry-after-ms</c> or <c>x-ms-retry-after-ms</c>) with one addition: when the service asks to
/// wait longer than <see cref="AzureLanguageOptions.MaxRetryAfter"/>, it gives up at once. Holding a
/// queue message for minutes costs more than scoring the article with the offline recogniser.
/// </summary>
internal sealed class LanguageRetryPolicy(AzureLanguageOptions options, TimeProvider timeProvider)
    : RetryPolicy(options.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.RetryDelay, options.MaxRetryDelay))
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        base.ShouldRetry(message, exception) && !AsksToWaitTooLong(message);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        await base.ShouldRetryAsync(message, exception) && !AsksToWaitTooLong(message);

    private bool AsksToWaitTooLong(HttpMessage message) =>
        message.HasResponse && ServerDelay(message.Response, timeProvider) > options.MaxRetryAfter;

    /// <summary>The wait the service asked for, or null when it did not say.</summary>
    internal static TimeSpan? ServerDelay(Azure.Response response, TimeProvider timeProvider)
    {
        foreach (var header in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (response.Headers.TryGetValue(header, out var ms)
                && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds))
            {
                return TimeSpan.FromMilliseconds(milliseconds);
            }
        }

        return response.Headers.TryGetValue("Retry-After", out var retryAfter)
            ? Http.RetryAfterHeader.Wait(retryAfter, timeProvider.GetUtcNow())
            : null;
    }
}
