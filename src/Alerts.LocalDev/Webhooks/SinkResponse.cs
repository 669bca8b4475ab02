using System.Globalization;

namespace Alerts.LocalDev.Webhooks;

/// <summary>An answer the webhook sink gives to one request, for scripting failures in tests and demos.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">Body text; empty when null.</param>
public sealed record SinkResponse(int StatusCode, string? Body = null)
{
    /// <summary>Extra response headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the sink takes before answering: a slow receiver.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>What a Teams Workflows webhook answers: 202 with an empty body.</summary>
    public static SinkResponse Accepted() => new(202);

    /// <summary>200 with the given body (legacy Teams connectors answered <c>1</c>).</summary>
    public static SinkResponse Ok(string body = "") => new(200, body);

    /// <summary>429 with an optional <c>Retry-After</c> in seconds.</summary>
    public static SinkResponse TooManyRequests(int? retryAfterSeconds = null) => new(429, "Too Many Requests")
    {
        Headers = retryAfterSeconds is { } seconds
            ? new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) }
            : new Dictionary<string, string>(),
    };

    /// <summary>Any status with an optional body.</summary>
    public static SinkResponse Status(int statusCode, string? body = null) => new(statusCode, body);
}
