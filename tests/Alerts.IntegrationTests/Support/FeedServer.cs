using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Alerts.IntegrationTests.Support;

/// <summary>A feed publisher on 127.0.0.1 that answers 304 when the client's ETag matches, and counts requests.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _notModified;

    private FeedServer(WebApplication app) => _app = app;

    /// <summary>The current feed document.</summary>
    public string Document { get; set; } = "";

    /// <summary>The ETag of the current document.</summary>
    public string ETag { get; set; } = "\"v1\"";

    /// <summary>Requests served.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests answered 304.</summary>
    public int NotModifiedAnswers => Volatile.Read(ref _notModified);

    /// <summary>The feed URL.</summary>
    public Uri Url => new(new Uri(_app.Urls.First()), "/feed.xml");

    /// <summary>Starts serving <paramref name="document"/>.</summary>
    public static async Task<FeedServer> StartAsync(string document)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FeedServer(app) { Document = document };
        app.MapGet("/feed.xml", (HttpContext context) =>
        {
            Interlocked.Increment(ref server._requests);
            if (context.Request.Headers.IfNoneMatch == server.ETag)
            {
                Interlocked.Increment(ref server._notModified);
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            context.Response.Headers.ETag = server.ETag;
            return Results.Text(server.Document, "application/rss+xml; charset=utf-8");
        });
        await app.StartAsync();
        return server;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
