using System.Net;
using System.Net.Http.Headers;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Feeds.Fetching;

/// <summary>
/// Fetches feeds politely and cheaply: conditional GET with the stored ETag and Last-Modified sent independently,
/// compressed transfer, a time budget per source, a streamed size limit, redirects followed hop by hop (each hop
/// through the SSRF-checked connect step) and server back-off requests reported as <see cref="FeedFetchResult.Failed.RetryAfter"/>.
/// </summary>
public sealed partial class HttpFeedFetcher(
    IHttpClientFactory httpClientFactory,
    IOptions<OutboundHttpOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpFeedFetcher> logger) : IFeedFetcher
{
    /// <summary>Name of the HttpClient this fetcher uses.</summary>
    public const string HttpClientName = "feeds";

    private const string AcceptFeeds =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, " +
        "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    /// <inheritdoc />
    public async Task<FeedFetchResult> FetchAsync(FeedSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var settings = options.Value;
        var budget = source.FetchTimeout ?? settings.Timeout;
        using var timeout = new CancellationTokenSource(budget, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var client = httpClientFactory.CreateClient(HttpClientName);

        var url = source.Url;
        Uri? movedPermanentlyTo = null;
        var onlyPermanentHops = true;
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (!HttpBodies.IsHttp(url))
                {
                    return Fail(source, $"Unsupported URL scheme '{url.Scheme}': only http and https are fetched.");
                }

                using var request = BuildRequest(url, source.Validators);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);

                if (HttpBodies.IsRedirect(response.StatusCode))
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        return Fail(source, $"Too many redirects (more than {settings.MaxRedirects}).", (int)response.StatusCode);
                    }

                    var target = HttpBodies.RedirectTarget(response, url);
                    if (target is null)
                    {
                        return Fail(source, $"HTTP {(int)response.StatusCode} without a usable http(s) Location.", (int)response.StatusCode);
                    }

                    // Only a chain made entirely of permanent hops moves the feed; one temporary hop means
                    // the publisher may point elsewhere tomorrow.
                    onlyPermanentHops &= HttpBodies.IsPermanentRedirect(response.StatusCode);
                    movedPermanentlyTo = onlyPermanentHops ? target : null;
                    url = target;
                    continue;
                }

                if (response.StatusCode == HttpStatusCode.NotModified)
                {
                    LogNotModified(logger, source.Id);
                    return new FeedFetchResult.NotModified();
                }

                if (response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    var retryAfter = HttpBodies.RetryAfter(response, timeProvider.GetUtcNow());
                    return Fail(source, Describe(response), (int)response.StatusCode, retryAfter);
                }

                if (!response.IsSuccessStatusCode)
                {
                    return Fail(source, Describe(response), (int)response.StatusCode);
                }

                var body = await HttpBodies.ReadLimitedAsync(response, settings.MaxResponseBytes, linked.Token).ConfigureAwait(false);
                var validators = new FeedValidators(HeaderValue(response.Headers, "ETag"), HeaderValue(response.Content.Headers, "Last-Modified"));
                LogFetched(logger, source.Id, (int)response.StatusCode, body.Length);
                return new FeedFetchResult.Fetched(body, response.Content.Headers.ContentType?.ToString(), validators, url)
                {
                    MovedPermanentlyTo = movedPermanentlyTo,
                };
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Fail(source, $"Timed out after {budget.TotalSeconds:0.#} s.");
        }
        catch (ResponseTooLargeException tooLarge)
        {
            return Fail(source, tooLarge.Message);
        }
        catch (HttpRequestException error) when (DestinationNotAllowedException.FindIn(error) is { } refused)
        {
            return Fail(source, refused.Message);
        }
        catch (HttpRequestException error)
        {
            return Fail(source, $"Network error: {error.Message}", (int?)error.StatusCode);
        }
        catch (IOException error)
        {
            return Fail(source, $"Network error while reading the body: {error.Message}");
        }
    }

    private static HttpRequestMessage BuildRequest(Uri url, FeedValidators validators)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept", AcceptFeeds);

        // Sent independently and verbatim: servers compare them as opaque strings, and some only honour one of the two.
        if (!string.IsNullOrWhiteSpace(validators.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", validators.ETag);
        }

        if (!string.IsNullOrWhiteSpace(validators.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", validators.LastModified);
        }

        return request;
    }

    private static string? HeaderValue(HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static string Describe(HttpResponseMessage response) =>
        $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();

    private FeedFetchResult.Failed Fail(FeedSource source, string error, int? status = null, TimeSpan? retryAfter = null)
    {
        LogFailed(logger, source.Id, status, error);
        return new FeedFetchResult.Failed(error, status, retryAfter);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Source {SourceId} not modified")]
    private static partial void LogNotModified(ILogger logger, string sourceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Source {SourceId} answered {Status} with {Bytes} bytes")]
    private static partial void LogFetched(ILogger logger, string sourceId, int status, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {SourceId} fetch failed (status {Status}): {Error}")]
    private static partial void LogFailed(ILogger logger, string sourceId, int? status, string error);
}
