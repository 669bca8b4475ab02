using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;
using Alerts.LocalDev.Azurite;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;
using Azure.Storage.Queues;

namespace Alerts.IntegrationTests.Pipeline;

/// <summary>
/// The delivery guarantees of docs/operations.md, proven the hard way: `alerts host` runs as a process and is killed
/// (SIGKILL, no shutdown) at random moments while articles, each pushed twice, become alerts to e-mail and webhook
/// subscribers. Afterwards every (subscriber, article) pair has arrived, a pair that arrived twice carried the same
/// Message-Id or Idempotency-Key both times (the crash window between "sent" and "recorded"), and nothing is parked.
/// </summary>
public sealed partial class CrashTests(AzuriteFixture azurite) : IDisposable
{
    private const int Articles = 60;
    private const int Kills = 4;

    // host.json: a batch of 16, and a new one fetched when 8 are still running.
    private const int InFlightPerHost = 16 + 8;
    private static readonly string[] MailSubscribers = ["mail-1", "mail-2"];
    private static readonly string[] HookSubscribers = ["hook-1", "hook-2"];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-crash-");
    private readonly List<CliProcess> processes = [];

    [Fact]
    public async Task HostKilledAtRandomMoments_EveryAlertArrives_RepeatsOnlyWithTheirOwnKey()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "kills a process tree the POSIX way");
        var ct = TestContext.Current.CancellationToken;
        var output = TestContext.Current.TestOutputHelper;
        File.Copy(Path.Combine(AzuritePackage.FindRepositoryRoot()!, "local.settings.sample.json"), Path.Combine(folder.FullName, "local.settings.json"));
        await using var smtp = await SmtpSink.StartAsync(new SmtpSinkOptions { OutputDirectory = Path.Combine(folder.FullName, "mail") }, ct);
        await using var hooks = await WebhookSink.StartAsync(new WebhookSinkOptions { OutputDirectory = Path.Combine(folder.FullName, "hooks") }, ct);
        var id = Guid.NewGuid().ToString("N")[..8];
        var hostPort = LoopbackPorts.Free();
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alerts__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts__Storage__TablePrefix"] = "c" + id,
            ["FeedsToFetchQueueName"] = "crash-fetch-" + id,
            ["ArticlesQueueName"] = "crash-articles-" + id,
            ["DeliveriesQueueName"] = "crash-deliveries-" + id,
            ["Alerts__Scoring__RefreshIntervalSeconds"] = "0",
            // Short leases, so the work of a killed host comes back within seconds rather than minutes.
            ["Alerts__DeliverySendDeadline"] = "00:00:05",
            ["AlertsLocalHost__MessageLease"] = "00:00:05",
            ["AzureFunctionsJobHost__extensions__queues__visibilityTimeout"] = "00:00:01",
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
        };
        var host = StartHost(hostPort, environment, ct);
        using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{hostPort}/") };
        await SeedAsync(api, hooks, ct);
        var articles = Enumerable.Range(1, Articles).Select(NewArticle).ToList();

        // Act: push every article twice while the host is killed and restarted at random moments.
        var random = new Random(20261201);
        var pushing = PushTwiceAsync(api, articles, ct);
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(random.Next(1_000, 4_000), ct);
            host.Process.Kill(entireProcessTree: true);
            await host.Process.WaitForExitAsync(ct);
            host = StartHost(hostPort, environment, ct);
        }

        await pushing;
        var expected = Articles * (MailSubscribers.Length + HookSubscribers.Length);
        var arrived = await WaitForPairsAsync(smtp, hooks, expected, ct);

        // Assert
        var missing = AllPairs().Except(arrived.Keys).ToList();
        var repeated = arrived.Where(pair => pair.Value.Count > 1).ToList();
        output?.WriteLine($"{arrived.Sum(p => p.Value.Count)} arrivals for {arrived.Count} pairs after {Kills} kills; {repeated.Count} pair(s) arrived more than once");
        Assert.Empty(missing);
        Assert.All(repeated, pair => Assert.Single(pair.Value.Distinct()));
        // A repeat needs a kill inside some delivery's send: at most what one host runs at once, per kill.
        Assert.True(repeated.Sum(pair => pair.Value.Count - 1) <= Kills * InFlightPerHost, $"{repeated.Count} repeats for {Kills} kills");
        foreach (var queue in new[] { "crash-fetch-", "crash-articles-", "crash-deliveries-" })
        {
            var poison = new QueueClient(azurite.ConnectionString, queue + id + "-poison");
            Assert.Empty((await poison.PeekMessagesAsync(32, ct)).Value);
        }
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }

        folder.Delete(recursive: true);
    }

    private CliProcess StartHost(int port, Dictionary<string, string> environment, CancellationToken ct)
    {
        var process = CliProcess.Start(["host", "--urls", $"http://127.0.0.1:{port}"], environment, folder.FullName);
        processes.Add(process);
        process.WaitFor("Press Ctrl+C", ct);
        return process;
    }

    private static async Task SeedAsync(HttpClient api, WebhookSink hooks, CancellationToken ct)
    {
        var calls = new List<HttpResponseMessage>
        {
            await api.PutAsJsonAsync("api/topics/crash-test", new { name = "Crash test", query = "crashtest" }, ct),
        };
        foreach (var subscriber in MailSubscribers)
        {
            calls.Add(await api.PutAsJsonAsync($"api/subscribers/{subscriber}", new { name = subscriber, channel = "email", address = subscriber + "@example.org" }, ct));
        }

        foreach (var subscriber in HookSubscribers)
        {
            calls.Add(await api.PutAsJsonAsync($"api/subscribers/{subscriber}", new { name = subscriber, channel = "webhook", address = hooks.Url(subscriber).AbsoluteUri, secret = "crash-test-signing-secret" }, ct));
        }

        foreach (var subscriber in MailSubscribers.Concat(HookSubscribers))
        {
            calls.Add(await api.PutAsJsonAsync($"api/topics/crash-test/subscriptions/{subscriber}", new { }, ct));
        }

        Assert.All(calls, call => Assert.True(call.IsSuccessStatusCode, $"{call.RequestMessage!.RequestUri}: {(int)call.StatusCode}"));
    }

    // Distinct words per article, so no two are near-duplicates of one story.
    private static object NewArticle(int number)
    {
        var words = new Random(number);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[words.Next(Vocabulary.Length)]));
        return new
        {
            title = $"Crashtest {number}: {Words(6)}",
            link = $"https://news.example.org/crash/{number}",
            summary = $"Crashtest report {number}. {Words(40)}.",
            published = DateTimeOffset.UtcNow.AddMinutes(-10),
        };
    }

    // Each batch is sent until a host accepts it: a request cut by a kill is simply sent again.
    private static async Task PushTwiceAsync(HttpClient api, IReadOnlyList<object> articles, CancellationToken ct)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var batch in articles.Chunk(10))
            {
                while (true)
                {
                    try
                    {
                        using var response = await api.PostAsJsonAsync("api/articles", batch, ct);
                        if (response.IsSuccessStatusCode)
                        {
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        // The host is down between a kill and its restart.
                    }

                    await Task.Delay(200, ct);
                }
            }
        }
    }

    private static IEnumerable<(string Subscriber, int Article)> AllPairs() =>
        from subscriber in MailSubscribers.Concat(HookSubscribers)
        from article in Enumerable.Range(1, Articles)
        select (subscriber, article);

    // Every pair's arrivals with the key each carried; waits for all pairs, then a little longer for late repeats.
    private static async Task<Dictionary<(string Subscriber, int Article), List<string>>> WaitForPairsAsync(
        SmtpSink smtp, WebhookSink hooks, int expected, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(4);
        Dictionary<(string, int), List<string>> arrived;
        while ((arrived = Arrivals(smtp, hooks)).Count < expected && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500, ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(10), ct);
        return Arrivals(smtp, hooks);
    }

    private static Dictionary<(string, int), List<string>> Arrivals(SmtpSink smtp, WebhookSink hooks)
    {
        var mail = smtp.Messages.SelectMany(m => m.Recipients.Select(to => (
            Subscriber: to.Split('@')[0],
            Article: ArticleOf(m.HtmlBody ?? m.TextBody),
            Key: m.Message.MessageId ?? string.Empty)));
        var posts = hooks.Requests.Select(r => (
            Subscriber: r.Path.Trim('/'),
            Article: ArticleOf(r.Body),
            Key: r.Header("Idempotency-Key") ?? string.Empty));
        return mail.Concat(posts)
            .GroupBy(a => (a.Subscriber, a.Article))
            .ToDictionary(g => g.Key, g => g.Select(a => a.Key).ToList());
    }

    private static int ArticleOf(string? body) =>
        body is not null && LinkNumber().Match(body) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"news\.example\.org/crash/(\d+)")]
    private static partial Regex LinkNumber();

    private static readonly string[] Vocabulary =
    [
        "harbour", "violin", "granite", "meadow", "lantern", "orchard", "copper", "falcon", "glacier", "tulip", "saddle",
        "pepper", "quartz", "ribbon", "thistle", "walnut", "anchor", "bramble", "cinder", "dolphin", "ember", "fennel",
        "garnet", "hazel", "indigo", "juniper", "kettle", "lilac", "marble", "nectar", "oyster", "pebble", "quill",
        "raven", "saffron", "timber", "umber", "velvet", "willow", "yarrow", "zephyr", "acorn", "beacon", "canyon",
        "delta", "estuary", "fjord", "grove", "heath", "island", "jetty", "knoll", "lagoon", "mesa", "nook", "oasis",
        "prairie", "quarry", "ridge", "savanna", "tundra", "upland", "valley", "wharf", "atoll", "bayou", "cove",
        "dune", "fen", "gorge", "hollow", "inlet", "moor", "plateau", "reef", "shoal", "strait", "summit", "spire",
    ];
}
