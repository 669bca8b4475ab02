using System.Net.Http.Headers;

namespace Alerts.Infrastructure.Http;

/// <summary>
/// The wait a server asks for in <c>Retry-After</c> (RFC 9110 §10.2.3): seconds, or an HTTP date. One reading for
/// feeds, channels and the Language client; a date in the past means "now".
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>The requested wait, or null when the header is absent or says nothing.</summary>
    public static TimeSpan? Wait(RetryConditionHeaderValue? header, DateTimeOffset now) => header switch
    {
        { Delta: { } delta } => delta < TimeSpan.Zero ? TimeSpan.Zero : delta,
        { Date: { } date } => date <= now ? TimeSpan.Zero : date - now,
        _ => null,
    };

    /// <summary>The requested wait from the header's text, or null when it is absent or unreadable.</summary>
    public static TimeSpan? Wait(string? value, DateTimeOffset now) =>
        RetryConditionHeaderValue.TryParse(value, out var header) ? Wait(header, now) : null;
}
