using System.Net;
using System.Net.Http.Json;
using Alerts.Cli.Hosting;
using Alerts.IntegrationTests.Support;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>Beyond loopback the local host checks function keys as the Functions host does.</summary>
public sealed class LocalHostKeysTests(AzuriteFixture azurite)
{
    [Fact]
    public void LocalHost_ListeningBeyondLoopbackWithoutAMasterKey_RefusesToStartInWords()
    {
        var error = Assert.Throws<InvalidOperationException>(() => LocalFunctionsHost.Create(Options(new Dictionary<string, string?>())));

        Assert.StartsWith("Setting AlertsLocalHost:MasterKey is required when alerts host listens on http://0.0.0.0:0", error.Message, StringComparison.Ordinal);
        Assert.Equal([error.Message], SettingErrors.Describe(error));
    }

    [Fact]
    public async Task LocalHost_WithKeys_PushTakesEitherKeyAdminRoutesOnlyTheMasterKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = LocalFunctionsHost.Create(Options(new Dictionary<string, string?>
        {
            [LocalKeys.MasterKeySetting] = "master-key-for-tests",
            [LocalKeys.FunctionKeySetting] = "publisher-key-for-tests",
        }));
        await host.StartAsync(ct);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{host.BaseAddress.Port}/") };
        var article = new { title = "Keys test", link = "https://news.example.org/keys" };

        var pushWithout = await client.PostAsJsonAsync("api/articles", article, ct);
        var pushWithPublisherKey = await client.PostAsJsonAsync("api/articles?code=publisher-key-for-tests", article, ct);
        var topicsWithPublisherKey = await Send(client, HttpMethod.Get, "api/topics", "publisher-key-for-tests", ct);
        var topicsWithMasterKey = await Send(client, HttpMethod.Get, "api/topics", "master-key-for-tests", ct);
        var timerWithPublisherKey = await Send(client, HttpMethod.Post, "admin/functions/IngestFeeds", "publisher-key-for-tests", ct);
        var unsubscribeWithout = await client.GetAsync("api/unsubscribe?s=nobody&t=0", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, pushWithout.StatusCode);
        Assert.Contains("x-functions-key", await pushWithout.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, pushWithPublisherKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, topicsWithPublisherKey.StatusCode);
        Assert.Equal(HttpStatusCode.OK, topicsWithMasterKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, timerWithPublisherKey.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, unsubscribeWithout.StatusCode);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", key);
        return await client.SendAsync(request, ct);
    }

    private LocalHostOptions Options(Dictionary<string, string?> keys)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["FeedsToFetchQueueName"] = $"f{id}",
            ["ArticlesQueueName"] = $"a{id}",
            ["DeliveriesQueueName"] = $"d{id}",
            ["Alerts:Storage:TablePrefix"] = $"t{id}",
        };
        foreach (var (name, value) in keys)
        {
            settings[name] = value;
        }

        return new LocalHostOptions { Urls = "http://0.0.0.0:0", RunTimers = false, ReadLocalSettings = false, Settings = settings };
    }
}
