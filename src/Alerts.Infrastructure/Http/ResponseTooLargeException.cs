namespace Alerts.Infrastructure.Http;

/// <summary>A response body exceeded the configured limit; the transfer was aborted.</summary>
public sealed class ResponseTooLargeException(long limit)
    : IOException($"The response body exceeds the limit of {limit} bytes; the transfer was aborted.")
{
    /// <summary>The limit in bytes.</summary>
    public long Limit { get; } = limit;
}
