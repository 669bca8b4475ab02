using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Security;
using System.Text;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Benchmarks;

/// <summary>
/// Bytes a source costs per day: the app's own feed fetcher polls a local publisher every five minutes (the default
/// <c>IngestSchedule</c>) for one simulated day, once sending back the validators it stored (conditional GET, as the
/// app does) and once without them. The publisher adds items through the day, answers 304 when the ETag still matches
/// and compresses when asked, as well-run publishers do; every byte of each exchange is counted at the publisher: the
/// request line and headers the fetcher sends, the status line, headers and body that go back.
/// </summary>
internal static class FeedTraffic
{
    /// <summary>Polls in a day at the default <c>IngestSchedule</c> (every five minutes).</summary>
    public const int PollsPerDay = 24 * 60 / 5;

    private const int ItemsInFeed = 20;

    public sealed record Day(long Bytes, int FullResponses, int NotModified);

    public sealed record Result(int ItemsPerDay, int FeedBytes, int CompressedFeedBytes, Day Conditional, Day Unconditional);

    public static async Task<Result> MeasureAsync(List<(string Title, string Body)> corpus, int itemsPerDay, CancellationToken cancellationToken = default)
    {
        await using var publisher = await Publisher.StartAsync(corpus, itemsPerDay);
        await using var services = FetcherServices();
        var fetcher = services.GetRequiredService<IFeedFetcher>();
        var conditional = await PollOneDayAsync(publisher, fetcher, sendValidators: true, cancellationToken);
        var unconditional = await PollOneDayAsync(publisher, fetcher, sendValidators: false, cancellationToken);
        return new Result(itemsPerDay, publisher.Plain.Length, publisher.Compressed.Length, conditional, unconditional);
    }

    private static async Task<Day> PollOneDayAsync(Publisher publisher, IFeedFetcher fetcher, bool sendValidators, CancellationToken cancellationToken)
    {
        var source = new FeedSource("bench", publisher.FeedUrl);
        publisher.ResetCount();
        var (full, notModified) = (0, 0);
        for (var poll = 0; poll < PollsPerDay; poll++)
        {
            publisher.Publish(poll);
            switch (await fetcher.FetchAsync(source, cancellationToken))
            {
                case FeedFetchResult.Fetched fetched:
                    full++;
                    source = sendValidators ? source with { Validators = fetched.Validators } : source;
                    break;
                case FeedFetchResult.NotModified:
                    notModified++;
                    break;
                case FeedFetchResult.Failed failed:
                    throw new InvalidOperationException("The local publisher failed: " + failed.Error);
            }
        }

        return new Day(publisher.BytesWritten, full, notModified);
    }

    private static ServiceProvider FetcherServices()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Http:AllowPrivateNetworks"] = "true" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddAlertsIngestion(configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>A publisher whose feed carries its latest 20 items and changes when an item is added.</summary>
    private sealed class Publisher : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<(string Title, string Body)> _corpus;
        private readonly int _itemsPerDay;
        private long _bytes;
        private int _published = -1;

        private Publisher(WebApplication app, List<(string Title, string Body)> corpus, int itemsPerDay)
        {
            _app = app;
            _corpus = corpus;
            _itemsPerDay = itemsPerDay;
        }

        public Uri FeedUrl { get; private set; } = null!;

        public byte[] Plain { get; private set; } = [];

        public byte[] Compressed { get; private set; } = [];

        public long BytesWritten => Interlocked.Read(ref _bytes);

        private string ETag => $"\"v{_published}\"";

        public static async Task<Publisher> StartAsync(List<(string Title, string Body)> corpus, int itemsPerDay)
        {
            // The empty builder reads no appsettings or environment from the current folder: only what is set here.
            var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(FeedTraffic).Assembly.GetName().Name });
            builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var publisher = new Publisher(app, corpus, itemsPerDay);
            app.Run(publisher.Serve);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            publisher.FeedUrl = new Uri(new Uri(address), "/feed.xml");
            return publisher;
        }

        public void ResetCount() => Interlocked.Exchange(ref _bytes, 0);

        // The items published by the poll's time of day; the feed is rebuilt only when that number changes.
        public void Publish(int poll)
        {
            var published = (int)((long)poll * _itemsPerDay / PollsPerDay);
            if (published == _published)
            {
                return;
            }

            _published = published;
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench news</title><link>https://news.example.org/</link><description>Local publisher</description>");
            for (var item = published; item > published - ItemsInFeed; item--)
            {
                var (title, body) = _corpus[((item % _corpus.Count) + _corpus.Count) % _corpus.Count];
                xml.Append(CultureInfo.InvariantCulture, $"<item><title>{SecurityElement.Escape(title)}</title><link>https://news.example.org/{item}</link><guid>https://news.example.org/{item}</guid><description>{SecurityElement.Escape(body)}</description></item>");
            }

            Plain = Encoding.UTF8.GetBytes(xml.Append("</channel></rss>").ToString());
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(Plain);
            }

            Compressed = compressed.ToArray();
        }

        private async Task Serve(HttpContext context)
        {
            var response = context.Response;
            if (context.Request.Headers.IfNoneMatch == ETag)
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.Headers.ETag = ETag;
                Count(context, 0);
                return;
            }

            var gzip = context.Request.Headers.AcceptEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
            var body = gzip ? Compressed : Plain;
            response.ContentType = "application/rss+xml; charset=utf-8";
            response.Headers.ETag = ETag;
            if (gzip)
            {
                response.Headers.ContentEncoding = "gzip";
            }

            response.ContentLength = body.Length;
            Count(context, body.Length);
            await response.Body.WriteAsync(body);
        }

        // Both directions of one exchange as they go over the wire: the request line and headers, then the status line,
        // the response headers (with the Date header the server adds) and the body.
        private void Count(HttpContext context, int body)
        {
            var request = context.Request;
            var response = context.Response;
            var sent = $"{request.Method} {request.Path}{request.QueryString} {request.Protocol}\r\n".Length + HeaderBytes(request.Headers);
            var returned = $"HTTP/1.1 {response.StatusCode} {ReasonPhrases.GetReasonPhrase(response.StatusCode)}\r\n".Length
                + "Date: Tue, 01 Dec 2026 00:00:00 GMT\r\n".Length + HeaderBytes(response.Headers) + body;
            Interlocked.Add(ref _bytes, sent + returned);
        }

        // "Name: value\r\n" per header and the blank line that ends them (ASCII, so characters are bytes).
        private static int HeaderBytes(IHeaderDictionary headers) => headers.Sum(h => h.Key.Length + 4 + h.Value.ToString().Length) + 2;

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
