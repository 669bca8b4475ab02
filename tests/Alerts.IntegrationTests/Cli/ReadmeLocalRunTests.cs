using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Alerts.IntegrationTests.Support;
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
    private readonly List<Process> processes = [];

    [Fact]
    public async Task ReadmeSequence_TopicSubscriberSourceAndIngestion_AlertArrivesInTheInbox()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "signals are POSIX");
        var ct = TestContext.Current.CancellationToken;
        var root = AzuritePackage.FindRepositoryRoot()!;
        File.Copy(Path.Combine(root, "local.settings.sample.json"), Path.Combine(folder.FullName, "local.settings.json"));
        int smtpPort = FreePort(), webhookPort = FreePort(), hostPort = FreePort();
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
        await using var feed = await FeedServer.StartAsync(Feeds.Rss(Feeds.KabulStory));
        WaitFor(inbox, "Press Ctrl+C", ct);
        WaitFor(host, "Press Ctrl+C", ct);
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
        var arrival = WaitFor(inbox, "mail to me@example.org", ct);

        // Assert
        Assert.All(calls, call => Assert.True(call.IsSuccessStatusCode, $"{call.RequestMessage!.RequestUri}: {(int)call.StatusCode}"));
        Assert.Contains("Turkish troops to stay and guard Kabul airport", arrival, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var process in processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        folder.Delete(recursive: true);
    }

    private Running Start(string[] arguments, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder.FullName,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alerts.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        processes.Add(process);
        var running = new Running(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { running.Lines.Add(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { running.Lines.Add(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    private static string WaitFor(Running running, string text, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(90));
        while (true)
        {
            string line;
            try
            {
                line = running.Lines.Take(deadline.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                Assert.Fail($"'{text}' was not printed within 90 s; the process printed:\n{string.Join('\n', running.Seen.TakeLast(40))}");
                throw;
            }

            running.Seen.Enqueue(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Running(Process Process)
    {
        public BlockingCollection<string> Lines { get; } = [];

        public ConcurrentQueue<string> Seen { get; } = new();
    }
}
