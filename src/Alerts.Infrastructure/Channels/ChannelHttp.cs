using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// The HTTP side shared by the Teams and webhook channels: one POST through the named client, the answer read
/// within a bound, and transport errors turned into failures whose detail never holds the URL.
/// </summary>
internal static class ChannelHttp
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client all HTTP channels use.</summary>
    public const string ClientName = "alerts-channels";

    /// <summary>How much of an answer body is read: enough for an error message, never a whole hostile page.</summary>
    public const int MaxBodyPreviewChars = 2048;

    /// <summary>A server asking for more than this is treated as asking for this.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(1);

    public static async Task<HttpAnswer> PostJsonAsync(
        HttpClient client,
        Uri url,
        byte[] json,
        IEnumerable<KeyValuePair<string, string>> headers,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new ByteArrayContent(json),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var body = await ReadPreviewAsync(response, cancellationToken);
        return new HttpAnswer(response.StatusCode, response.ReasonPhrase, body, response.Headers.RetryAfter);
    }

    /// <summary>Turns a transport exception into a failure, or returns null when the caller's own token was cancelled.</summary>
    public static ChannelResult? TransportFailure(Exception exception, string peer, CancellationToken cancellationToken) => exception switch
    {
        HttpRequestException http => ChannelResult.Failure(
            $"{peer} unreachable ({http.HttpRequestError}){InnerReason(http)}"),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => ChannelResult.Failure(
            $"{peer} did not answer in time"),
        _ => null,
    };

    public static TimeSpan RetryAfter(RetryConditionHeaderValue? header, TimeProvider timeProvider, TimeSpan fallback)
    {
        if (Http.RetryAfterHeader.Wait(header, timeProvider.GetUtcNow()) is not { } value)
        {
            return fallback;
        }

        return value > MaxRetryAfter ? MaxRetryAfter : value;
    }

    /// <summary>
    /// Answers that say the request itself is wrong for this receiver (bad or expired URL, refused credentials,
    /// gone): sending again cannot succeed, so the delivery stops with the reason instead of being retried.
    /// </summary>
    public static bool IsPermanent(HttpAnswer answer) =>
        (int)answer.StatusCode is 400 or 401 or 403 or 404 or 405 or 410 or 413 or 414 or 415 or 422
            or (>= 300 and <= 399);

    /// <summary>A failure from the receiver's answer: permanent (see <see cref="IsPermanent"/>) or worth retrying.</summary>
    public static ChannelResult Failure(HttpAnswer answer, string detail, TimeSpan? retryAfter) =>
        IsPermanent(answer) ? ChannelResult.PermanentFailure(detail) : ChannelResult.Failure(detail, retryAfter);

    public static string Status(HttpAnswer answer)
        => string.IsNullOrWhiteSpace(answer.ReasonPhrase)
            ? ((int)answer.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{(int)answer.StatusCode} {Redaction.Clean(answer.ReasonPhrase, 60)}";

    private static string InnerReason(HttpRequestException exception)
    {
        // The inner reason (connection refused, address blocked...) helps ops; URLs in it are redacted.
        var inner = exception.InnerException?.Message ?? exception.Message;
        var cleaned = Redaction.Clean(inner, 200);
        return cleaned.Length == 0 ? string.Empty : $": {cleaned}";
    }

    private static async Task<string> ReadPreviewAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var buffer = new char[MaxBodyPreviewChars];
        var read = 0;
        while (read < buffer.Length)
        {
            var count = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (count == 0)
            {
                break;
            }

            read += count;
        }

        return new string(buffer, 0, read);
    }
}

/// <summary>What a webhook peer answered.</summary>
internal sealed record HttpAnswer(HttpStatusCode StatusCode, string? ReasonPhrase, string BodyPreview, RetryConditionHeaderValue? RetryAfter)
{
    public bool IsSuccess => (int)StatusCode is >= 200 and <= 299;
}
