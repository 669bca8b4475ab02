using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Alerts.Core.Feeds;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Infrastructure.Tests.Fetching;

public sealed class HttpFeedFetcherTests
{
    private const string Feed = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test desk</title></channel></rss>";
    private const string ETag = "\"v42\"";
    private const string LastModified = "Tue, 24 Nov 2026 08:00:00 GMT";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_FirstFetch_ReturnsBodyValidatorsAndSendsUserAgent()
    {
        // Arrange
        var seen = new ConcurrentQueue<(string UserAgent, bool Conditional)>();
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            var headers = context.Request.Headers;
            seen.Enqueue((headers.UserAgent.ToString(), headers.ContainsKey("If-None-Match") || headers.ContainsKey("If-Modified-Since")));
            context.Response.Headers.ETag = ETag;
            context.Response.Headers.LastModified = LastModified;
            return Results.Text(Feed, "application/rss+xml; charset=utf-8");
        }));
        await using var services = IngestionServices.Build();
        var source = new FeedSource("desk", server.Url("/rss"));

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(source, Ct);

        // Assert
        var fetched = Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(Feed, Encoding.UTF8.GetString(fetched.Body.Span));
        Assert.Equal(new FeedValidators(ETag, LastModified), fetched.Validators);
        Assert.StartsWith("application/rss+xml", fetched.ContentType, StringComparison.Ordinal);
        Assert.Equal(source.Url, fetched.FinalUrl);
        Assert.Null(fetched.MovedPermanentlyTo);
        var request = Assert.Single(seen);
        Assert.Equal(IngestionServices.TestUserAgent, request.UserAgent);
        Assert.False(request.Conditional);
    }

    [Theory]
    [InlineData(ETag, null)]
    [InlineData(null, LastModified)]
    [InlineData(ETag, LastModified)]
    public async Task FetchAsync_StoredValidators_SentIndependentlyAnd304IsNotModified(string? etag, string? lastModified)
    {
        // Arrange
        var seen = new ConcurrentQueue<(string? IfNoneMatch, string? IfModifiedSince)>();
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            var ifNoneMatch = context.Request.Headers.IfNoneMatch.ToString();
            var ifModifiedSince = context.Request.Headers.IfModifiedSince.ToString();
            seen.Enqueue((NullIfEmpty(ifNoneMatch), NullIfEmpty(ifModifiedSince)));

            // Like many real servers, each validator alone is enough to answer 304.
            return ifNoneMatch == ETag || ifModifiedSince == LastModified
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text(Feed, "application/rss+xml");
        }));
        await using var services = IngestionServices.Build();
        var source = new FeedSource("desk", server.Url("/rss")) { Validators = new FeedValidators(etag, lastModified) };

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(source, Ct);

        // Assert
        Assert.IsType<FeedFetchResult.NotModified>(result);
        Assert.Equal((etag, lastModified), Assert.Single(seen));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    [InlineData("deflate")]
    public async Task FetchAsync_CompressedResponse_Decompressed(string encoding)
    {
        // Arrange
        string? acceptEncoding = null;
        var body = string.Concat(Enumerable.Repeat(Feed, 50));
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", async (HttpContext context) =>
        {
            acceptEncoding = context.Request.Headers.AcceptEncoding.ToString();
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = encoding;
            var compressed = Compress(Encoding.UTF8.GetBytes(body), encoding);
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed);
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/rss")), Ct);

        // Assert
        var fetched = Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(body, Encoding.UTF8.GetString(fetched.Body.Span));
        Assert.Contains("gzip", acceptEncoding, StringComparison.Ordinal);
        Assert.Contains("br", acceptEncoding, StringComparison.Ordinal);
        Assert.Contains("deflate", acceptEncoding, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PermanentRedirectChain_ReportsNewUrl()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/older-still", permanent: true, preserveMethod: false)); // 301
            app.MapGet("/older-still", () => Results.Redirect("/new", permanent: true, preserveMethod: true)); // 308
            app.MapGet("/new", () => Results.Text(Feed, "application/rss+xml"));
        });
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/old")), Ct);

        // Assert
        var fetched = Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(server.Url("/new"), fetched.FinalUrl);
        Assert.Equal(server.Url("/new"), fetched.MovedPermanentlyTo);
    }

    [Fact]
    public async Task FetchAsync_TemporaryHopInChain_DoesNotMoveFeed()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/today", permanent: true));             // 301
            app.MapGet("/today", () => Results.Redirect("/new", permanent: false));            // 302
            app.MapGet("/new", () => Results.Text(Feed, "application/rss+xml"));
        });
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/old")), Ct);

        // Assert
        var fetched = Assert.IsType<FeedFetchResult.Fetched>(result);
        Assert.Equal(server.Url("/new"), fetched.FinalUrl);
        Assert.Null(fetched.MovedPermanentlyTo);
    }

    [Fact]
    public async Task FetchAsync_RedirectLoop_FailsAfterFiveHops()
    {
        // Arrange
        var hops = 0;
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/loop/{n:int}", (int n) =>
        {
            Interlocked.Increment(ref hops);
            return Results.Redirect($"/loop/{n + 1}", permanent: false, preserveMethod: true); // 307
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/loop/0")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("Too many redirects", failed.Error, StringComparison.Ordinal);
        Assert.Equal(6, hops);
    }

    [Fact]
    public async Task FetchAsync_RedirectToFileScheme_Refused()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "file:///etc/passwd";
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("Location", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SlowBody_TimesOut()
    {
        // Arrange
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var bodyStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/slow", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync("<rss version=\"2.0\"><channel>", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            bodyStarted.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted); // the rest never comes
        }));
        await using var services = IngestionServices.Build(timeProvider: time);
        var source = new FeedSource("desk", server.Url("/slow")) { FetchTimeout = TimeSpan.FromSeconds(5) };

        // Act
        var fetch = services.GetRequiredService<IFeedFetcher>().FetchAsync(source, Ct);
        await bodyStarted.Task.WaitAsync(Ct);
        time.Advance(TimeSpan.FromSeconds(6));
        var result = await fetch.WaitAsync(Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("Timed out after 5 s", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_DeclaredLengthOverLimit_AbortedBeforeReading()
    {
        // Arrange
        var limit = 10L * 1024 * 1024;
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.ContentLength = limit + 1;
            var chunk = new byte[64 * 1024];
            for (long sent = 0; sent <= limit; sent += chunk.Length)
            {
                await context.Response.Body.WriteAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit + 1 - sent)), context.RequestAborted);
            }
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/big")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains($"limit of {limit} bytes", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_EndlessBodyWithoutLength_Aborted()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/endless", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<item><title>x</title></item>", 2000)));
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        }));
        await using var services = IngestionServices.Build(settings: new Dictionary<string, string?> { ["Alerts:Http:MaxResponseBytes"] = "1048576" });

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/endless")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("limit of 1048576 bytes", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_SmallGzipInflatingPastLimit_Aborted()
    {
        // Arrange: about 10 KB on the wire, 20 MB once inflated; the declared length is honest about the wire size.
        var bomb = Compress(new byte[20 * 1024 * 1024], "gzip");
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/bomb", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/rss+xml";
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = bomb.Length;
            await context.Response.Body.WriteAsync(bomb, context.RequestAborted);
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/bomb")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("exceeds the limit", failed.Error, StringComparison.Ordinal);
        Assert.True(bomb.Length < 1024 * 1024);
    }

    [Fact]
    public async Task FetchAsync_429WithRetryAfterSeconds_FailedWithRetryAfter()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "120";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Equal(429, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(120), failed.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_503WithRetryAfterDate_FailedWithDelayUntilDate()
    {
        // Arrange
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(now);
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = now.AddSeconds(90).ToString("R");
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }));
        await using var services = IngestionServices.Build(timeProvider: time);

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Equal(503, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(90), failed.RetryAfter);
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailedWithoutRetryAfter()
    {
        // Arrange
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/other", () => "x"));
        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", server.Url("/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Equal(404, failed.StatusCode);
        Assert.Null(failed.RetryAfter);
        Assert.StartsWith("HTTP 404", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ConnectionRefused_FailedWithNetworkError()
    {
        // Arrange: a port that was just free.
        Uri url;
        await using (var closed = await TestWebServer.StartAsync(_ => { }))
        {
            url = closed.Url("/rss");
        }

        await using var services = IngestionServices.Build();

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("desk", url), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.StartsWith("Network error", failed.Error, StringComparison.Ordinal);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "br" => new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            "deflate" => new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}
