using System.Net.Http.Json;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;
using Alerts.LocalDev.Azurite;

namespace Alerts.IntegrationTests.Cli;

/// <summary>
/// The README's "Running locally" path as a user runs it: the sample settings copied to local.settings.json,
/// `alerts inbox` and `alerts host` as processes, a topic, subscriber, subscription and source created through the
/// API, the ingestion timer triggered, and the alert arriving in the inbox. Storage is the test run's Azurite (the
/// README starts one with npx; only its address differs, given as an environment variable).
/// </summary>
public sealed class ReadmeLocalRunTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-readme-");
    private readonly List<CliProcess> processes = [];

    [Fact]
    public async Task ReadmeSequence_TopicSubscriberSourceAndIngestion_AlertArrivesInTheInbox()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "signals are POSIX");
        var ct = TestContext.Current.CancellationToken;
        var root = AzuritePackage.FindRepositoryRoot()!;
        File.Copy(Path.Combine(root, "local.settings.sample.json"), Path.Combine(folder.FullName, "local.settings.json"));
        int smtpPort = LoopbackPorts.Free(), webhookPort = LoopbackPorts.Free(), hostPort = LoopbackPorts.Free();
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alerts__Smtp__Port"] = smtpPort.ToString(),
            ["Alerts__Storage__TablePrefix"] = "r" + Guid.NewGuid().ToString("N")[..8],
            ["FeedsToFetchQueueName"] = "readme-fetch-" + Guid.NewGuid().ToString("N")[..8],
            ["ArticlesQueueName"] = "readme-articles-" + Guid.NewGuid().ToString("N")[..8],
            ["DeliveriesQueueName"] = "readme-deliveries-" + Guid.NewGuid().ToString("N")[..8],
        };
        var inbox = Start(["inbox", "--smtp-port", smtpPort.ToString(), "--webhook-port", webhookPort.ToString(), "--output", Path.Combine(folder.FullName, "inbox")], environment);
        var host = Start(["host", "--urls", $"http://127.0.0.1:{hostPort}"], environment);
        // A story published an hour ago, as on a live feed: items far older than the source are its backlog, not alerts.
        await using var feed = await FeedServer.StartAsync(Feeds.RssPublished(DateTimeOffset.UtcNow.AddHours(-1), Feeds.KabulStory));
        inbox.WaitFor("Press Ctrl+C", ct);
        host.WaitFor("Press Ctrl+C", ct);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };

        // Act: the calls the README shows.
        var calls = new[]
        {
            await api.PutAsJsonAsync("api/topics/afghanistan-foreign-troops", new
            {
                name = "Foreign troop deployments in Afghanistan",
                query = "(troop* OR soldier* OR forces OR army OR military OR NATO OR coalition) (Afghanistan OR Afghan OR Kabul OR Kandahar OR Taliban)",
                constraints = new { places = new[] { "Afghanistan" }, excludeActorNationalities = new[] { "Afghanistan" }, strict = true },
            }, ct),
            await api.PutAsJsonAsync("api/subscribers/me", new { name = "Me", channel = "email", address = "me@example.org" }, ct),
            await api.PutAsJsonAsync("api/topics/afghanistan-foreign-troops/subscriptions/me", new { }, ct),
            await api.PutAsJsonAsync("api/sources/wire", new { url = feed.Url.AbsoluteUri, name = "Wire" }, ct),
            await api.PostAsync("admin/functions/IngestFeeds", null, ct),
        };
        var arrival = inbox.WaitFor("mail to me@example.org", ct);

        // Assert
        Assert.All(calls, call => Assert.True(call.IsSuccessStatusCode, $"{call.RequestMessage!.RequestUri}: {(int)call.StatusCode}"));
        Assert.Contains("Turkish troops to stay and guard Kabul airport", arrival, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        folder.Delete(recursive: true);
    }

    private CliProcess Start(string[] arguments, Dictionary<string, string> environment)
    {
        var process = CliProcess.Start(arguments, environment, folder.FullName);
        processes.Add(process);
        return process;
    }
}
