using System.Net;
using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;
using Alerts.Infrastructure.Http;
using Alerts.Infrastructure.Tests.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Infrastructure.Tests.Security;

public sealed class SafeHttpHandlerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FetchAsync_LoopbackWithPrivateNetworksDisallowed_RefusedWithoutRequest()
    {
        // Arrange
        var requests = 0;
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", () =>
        {
            Interlocked.Increment(ref requests);
            return "<rss/>";
        }));
        await using var services = IngestionServices.Build(allowPrivateNetworks: false);

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("s", server.Url("/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("Refused to connect", failed.Error, StringComparison.Ordinal);
        Assert.Contains("Loopback", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, requests);
    }

    [Fact]
    public async Task FetchAsync_HostNameResolvingToMetadataAddress_Refused()
    {
        // Arrange: a public-looking name whose DNS answer is the cloud metadata service.
        var resolver = new ScriptedResolver { ["feeds.example"] = [IPAddress.Parse("169.254.169.254")] };
        await using var services = IngestionServices.Build(allowPrivateNetworks: false, resolver: resolver);

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("s", new Uri("http://feeds.example/latest/meta-data/")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("169.254.169.254 (LinkLocal)", failed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://[::ffff:127.0.0.1]:9/x")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://100.100.100.200/latest/meta-data/")]
    [InlineData("http://0.0.0.0:9/")]
    public async Task FetchAsync_LiteralNonPublicAddress_Refused(string url)
    {
        // Arrange
        await using var services = IngestionServices.Build(allowPrivateNetworks: false);

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("s", new Uri(url)), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("Refused to connect", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RedirectToForbiddenAddress_RefusedAtTheHop()
    {
        // Arrange: the feed host is an allowed intranet address; it redirects to another loopback address that is not.
        var redirectedTo = 0;
        await using var server = await TestWebServer.StartAsync(app =>
        {
            app.MapGet("/rss", (HttpContext context) => Results.Redirect($"http://internal.example:{context.Connection.LocalPort}/admin"));
            app.MapGet("/admin", () =>
            {
                Interlocked.Increment(ref redirectedTo);
                return "secret";
            });
        });
        var resolver = new ScriptedResolver
        {
            ["feeds.example"] = [IPAddress.Loopback],
            ["internal.example"] = [IPAddress.Parse("127.0.0.2")],
        };
        await using var services = IngestionServices.Build(allowPrivateNetworks: false, resolver: resolver, settings: AllowOnly("127.0.0.1/32"));

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("s", new Uri($"http://feeds.example:{server.Port}/rss")), Ct);

        // Assert
        var failed = Assert.IsType<FeedFetchResult.Failed>(result);
        Assert.Contains("internal.example", failed.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.2 (Loopback)", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, redirectedTo);
    }

    [Fact]
    public async Task FetchAsync_DnsRebindingBetweenFetches_SecondConnectRefused()
    {
        // Arrange: the same name answers an allowed address first and a forbidden one next time.
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", (HttpContext context) =>
        {
            context.Response.Headers.Connection = "close"; // force a new connection (and resolution) per fetch
            return Results.Text("<rss version=\"2.0\"><channel><title>t</title></channel></rss>", "application/rss+xml");
        }));
        var resolver = new ScriptedResolver();
        resolver.Sequence("feeds.example", [IPAddress.Loopback], [IPAddress.Parse("169.254.169.254")]);
        await using var services = IngestionServices.Build(allowPrivateNetworks: false, resolver: resolver, settings: AllowOnly("127.0.0.1/32"));
        var fetcher = services.GetRequiredService<IFeedFetcher>();
        var source = new FeedSource("s", new Uri($"http://feeds.example:{server.Port}/rss"));

        // Act
        var first = await fetcher.FetchAsync(source, Ct);
        var second = await fetcher.FetchAsync(source, Ct);

        // Assert
        Assert.IsType<FeedFetchResult.Fetched>(first);
        var failed = Assert.IsType<FeedFetchResult.Failed>(second);
        Assert.Contains("169.254.169.254", failed.Error, StringComparison.Ordinal);
        Assert.Equal(2, resolver.Calls("feeds.example"));
    }

    [Fact]
    public async Task FetchAsync_MixedAnswer_ConnectsOnlyToAllowedAddress()
    {
        // Arrange: the forbidden address comes first; the handler must skip it, not try it.
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/rss", () => Results.Text("<rss/>", "application/rss+xml")));
        var resolver = new ScriptedResolver { ["feeds.example"] = [IPAddress.Parse("10.255.255.1"), IPAddress.Loopback] };
        await using var services = IngestionServices.Build(allowPrivateNetworks: false, resolver: resolver, settings: AllowOnly("127.0.0.0/8"));

        // Act
        var result = await services.GetRequiredService<IFeedFetcher>().FetchAsync(new FeedSource("s", new Uri($"http://feeds.example:{server.Port}/rss")), Ct);

        // Assert
        Assert.IsType<FeedFetchResult.Fetched>(result);
    }

    [Fact]
    public async Task SafeHttpClient_NamedClientForChannels_RefusesPrivateWebhook()
    {
        // Arrange: what a webhook channel gets from AddSafeHttpClient.
        var hits = 0;
        await using var server = await TestWebServer.StartAsync(app => app.MapPost("/hook", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Accepted();
        }));
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Http:AllowPrivateNetworks"] = "false" }).Build());
        services.AddSafeHttpClient("webhooks");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("webhooks");

        // Act
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(server.Url("/hook"), new StringContent("{}"), Ct));

        // Assert
        Assert.NotNull(DestinationNotAllowedException.FindIn(error));
        Assert.Equal(0, hits);
    }

    [Fact]
    public void Options_InvalidAllowedNetwork_FailsValidationNamingTheSetting()
    {
        // Arrange
        using var services = IngestionServices.Build(settings: AllowOnly("10.0.0.0/33"));

        // Act
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboundHttpOptions>>().Value);

        // Assert
        Assert.Contains("Alerts:Http:AllowedNetworks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullText_PrivatePage_RefusedReturnsNull()
    {
        // Arrange
        var hits = 0;
        await using var server = await TestWebServer.StartAsync(app => app.MapGet("/article", () =>
        {
            Interlocked.Increment(ref hits);
            return Results.Content("<html><body><article><p>secret</p></article></body></html>", "text/html");
        }));
        await using var services = IngestionServices.Build(allowPrivateNetworks: false);

        // Act
        var extracted = await services.GetRequiredService<IFullTextExtractor>().ExtractAsync(server.Url("/article"), Ct);

        // Assert
        Assert.Null(extracted);
        Assert.Equal(0, hits);
    }

    private static Dictionary<string, string?> AllowOnly(string network) => new() { ["Alerts:Http:AllowedNetworks:0"] = network };
}
