using System.Text;
using Alerts.Core.Ingestion;
using Alerts.Infrastructure.Feeds.Parsing;
using Alerts.Infrastructure.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartReader;

namespace Alerts.Infrastructure.FullText;

/// <summary>
/// Downloads an article page through the SSRF-checked client, under the same size limit and time budget as feeds,
/// and extracts its main text with SmartReader (a port of Mozilla's Readability). SmartReader is only handed the
/// downloaded HTML: it never fetches anything itself.
/// </summary>
public sealed partial class SmartReaderFullTextExtractor(
    IHttpClientFactory httpClientFactory,
    IOptions<OutboundHttpOptions> options,
    TimeProvider timeProvider,
    ILogger<SmartReaderFullTextExtractor> logger) : IFullTextExtractor
{
    /// <summary>Name of the HttpClient this extractor uses.</summary>
    public const string HttpClientName = "fulltext";

    /// <inheritdoc />
    public async Task<ExtractedArticle?> ExtractAsync(Uri pageUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pageUrl);
        var settings = options.Value;
        using var timeout = new CancellationTokenSource(settings.Timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var page = await DownloadAsync(pageUrl, settings, linked.Token).ConfigureAwait(false);
            if (page is null)
            {
                return null;
            }

            var article = CreateReader(page).GetArticle();
            var text = CollapseWhitespace(article.TextContent);
            if (!article.IsReadable || text.Length == 0)
            {
                LogNotReadable(logger, pageUrl.Host);
                return null;
            }

            // Page HTML is hostile input like feed HTML: the same sanitiser, with links resolved against the page.
            var html = FeedTextCleaner.Sanitize(article.Content, page.Url);
            return new ExtractedArticle(text, html, page.Url) { Title = article.Title };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, pageUrl.Host, "timed out");
            return null;
        }
        catch (Exception error) when (error is HttpRequestException or IOException)
        {
            LogFailed(logger, pageUrl.Host, DestinationNotAllowedException.FindIn(error)?.Message ?? error.Message);
            return null;
        }
    }

    private async Task<Page?> DownloadAsync(Uri url, OutboundHttpOptions settings, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        for (var hop = 0; hop <= settings.MaxRedirects; hop++)
        {
            if (!HttpBodies.IsHttp(url))
            {
                LogFailed(logger, url.Host, "not an http(s) URL");
                return null;
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "text/html, application/xhtml+xml;q=0.9");
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (HttpBodies.IsRedirect(response.StatusCode))
            {
                var target = HttpBodies.RedirectTarget(response, url);
                if (target is null)
                {
                    LogFailed(logger, url.Host, "redirect without a usable Location");
                    return null;
                }

                url = target;
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                LogFailed(logger, url.Host, $"HTTP {(int)response.StatusCode}");
                return null;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (mediaType is not null and not "text/html" and not "application/xhtml+xml")
            {
                LogFailed(logger, url.Host, $"not an HTML page ({mediaType})");
                return null;
            }

            var bytes = await HttpBodies.ReadLimitedAsync(response, settings.MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return new Page(url, bytes, KnownEncoding(response.Content.Headers.ContentType?.CharSet));
        }

        LogFailed(logger, url.Host, $"more than {settings.MaxRedirects} redirects");
        return null;
    }

    // The HTTP charset wins when it names a real encoding; otherwise the HTML parser reads the BOM and <meta charset>.
    private static Reader CreateReader(Page page) => page.Encoding is { } encoding
        ? new Reader(page.Url.AbsoluteUri, encoding.GetString(page.Body))
        : new Reader(page.Url.AbsoluteUri, new MemoryStream(page.Body, writable: false));

    private static Encoding? KnownEncoding(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(charset.Trim('"', '\'', ' '));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string CollapseWhitespace(string? text) =>
        string.IsNullOrWhiteSpace(text) ? string.Empty : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [LoggerMessage(Level = LogLevel.Information, Message = "No readable article on page at {Host}")]
    private static partial void LogNotReadable(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Full-text fetch from {Host} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string host, string reason);

    private sealed record Page(Uri Url, byte[] Body, Encoding? Encoding);
}
