using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Demo;

/// <summary>Serves one feed file over HTTP on 127.0.0.1 with an ETag, like a real publisher, for the demo.</summary>
public sealed class FeedFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FeedFileServer(WebApplication app, Uri feedUrl)
    {
        _app = app;
        FeedUrl = feedUrl;
    }

    /// <summary>Where the feed is served.</summary>
    public Uri FeedUrl { get; }

    /// <summary>Starts serving <paramref name="path"/> at <c>/feed.xml</c> on a free port.</summary>
    public static async Task<FeedFileServer> StartAsync(string path, CancellationToken cancellationToken)
    {
        var body = await File.ReadAllBytesAsync(path, cancellationToken);
        var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 8))}\"";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapGet("/feed.xml", (HttpContext context) =>
        {
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = etag;
            return Results.Bytes(body, path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/feed+json" : "application/rss+xml; charset=utf-8");
        });
        await app.StartAsync(cancellationToken);
        return new FeedFileServer(app, new Uri(new Uri(app.Urls.First()), "/feed.xml"));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
