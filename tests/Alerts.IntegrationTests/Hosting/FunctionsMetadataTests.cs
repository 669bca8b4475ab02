using Microsoft.Extensions.Configuration;
using System.Text.Json;
using Alerts.Cli.Hosting;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>
/// Holds the local host to what the Worker SDK declares to Azure: the <c>functions.metadata</c> generated when the
/// Functions project builds (this project references it, so every test run builds it first).
/// </summary>
public sealed class FunctionsMetadataTests
{
    [Fact]
    public void LocalHost_Functions_MatchSdkGeneratedMetadataExactly()
    {
        var declared = ReadMetadata().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var local = FunctionCatalog.Discover().Select(Describe).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, local);
    }

    [Fact]
    public void Metadata_BackboneTriggers_AreTheDocumentedOnes()
    {
        var declared = ReadMetadata().ToDictionary(f => f.Name);

        Assert.Equal(new FunctionShape("IngestFeeds", "timerTrigger", "%IngestSchedule%"), declared["IngestFeeds"]);
        Assert.Equal(new FunctionShape("FetchFeed", "queueTrigger", "%FeedsToFetchQueueName%"), declared["FetchFeed"]);
        Assert.Equal(new FunctionShape("ScoreArticle", "queueTrigger", "%ArticlesQueueName%"), declared["ScoreArticle"]);
        Assert.Equal(new FunctionShape("DeliverAlert", "queueTrigger", "%DeliveriesQueueName%"), declared["DeliverAlert"]);
        Assert.Equal(new FunctionShape("PushArticle", "httpTrigger", "POST articles function"), declared["PushArticle"]);
        Assert.Equal(new FunctionShape("SendDigests", "timerTrigger", "0 * * * * *"), declared["SendDigests"]);
        Assert.Equal(new FunctionShape("DeliverDigest", "queueTrigger", "%DigestsQueueName%"), declared["DeliverDigest"]);
    }

    [Fact]
    public async Task LocalHost_FunctionDisabledInSettings_IsNotRun()
    {
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions
        {
            Urls = "http://127.0.0.1:0",
            ReadLocalSettings = false,
            Settings = new Dictionary<string, string?> { ["AzureWebJobs.DeliverAlert.Disabled"] = "true" },
        });

        Assert.DoesNotContain(host.Functions, f => f.Registration.Name == "DeliverAlert");
        Assert.Contains(host.Functions, f => f.Registration.Name == "ScoreArticle");
    }

    [Fact]
    public void HostJson_QueueSettings_AreExplicitAndLowLatency()
    {
        var settings = QueueHostSettings.Load(QueueHostSettings.DefaultPath);

        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(16, settings.BatchSize);
        Assert.True(settings.MaxPollingInterval <= TimeSpan.FromSeconds(5), "Alert latency needs polling well under the 1-minute default.");
        Assert.True(settings.VisibilityTimeout > TimeSpan.Zero, "Failed messages should wait before their retry.");
    }

    [Fact]
    public void QueueSettings_AppSettingsOverrideHostJson_AsOnTheFunctionsHost()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureFunctionsJobHost:extensions:queues:batchSize"] = "4",
                ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
                ["AlertsLocalHost:MessageLease"] = "00:00:30",
            })
            .Build();

        var shipped = QueueHostSettings.Load(QueueHostSettings.DefaultPath);
        var settings = shipped.WithOverrides(configuration);

        Assert.Equal(8, shipped.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromMinutes(10), shipped.MessageLease);
        Assert.Equal(4, settings.BatchSize);
        Assert.Equal(2, settings.MaxDequeueCount);
        Assert.Equal(8, settings.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.MessageLease);
        Assert.Equal(2, new QueueHostSettings { BatchSize = 4 }.NewBatchThreshold);
    }

    [Fact]
    public void HttpFunctions_KeysHaveRoles_PushCannotAdminister()
    {
        // Act
        var http = ReadMetadata().Where(f => f.Trigger == "httpTrigger").ToDictionary(f => f.Name, f => f.Binding.Split(' ')[^1]);

        // Assert: a function key pushes articles; only an admin-level key changes topics, sources and subscribers;
        // the subscribers' pages (their signed links are the authorisation) and the health report (no secrets) need none.
        string[] anonymous = ["Unsubscribe", "Mute", "Preferences", "FreshLink", "Feedback", "Health"];
        Assert.Equal("function", http["PushArticle"]);
        Assert.All(anonymous, name => Assert.Equal("anonymous", http[name]));
        Assert.All(http.Where(f => f.Key != "PushArticle" && !anonymous.Contains(f.Key)), f => Assert.Equal("admin", f.Value));
    }

    private static IEnumerable<FunctionShape> ReadMetadata()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"functions.metadata was not generated at {path}.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var function in document.RootElement.EnumerateArray())
        {
            var trigger = function.GetProperty("bindings").EnumerateArray()
                .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            var type = trigger.GetProperty("type").GetString()!;
            var binding = type switch
            {
                "queueTrigger" => trigger.GetProperty("queueName").GetString()!,
                "timerTrigger" => trigger.GetProperty("schedule").GetString()!,
                "httpTrigger" => string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()))
                    + " " + trigger.GetProperty("route").GetString() + " " + trigger.GetProperty("authLevel").GetString()!.ToLowerInvariant(),
                _ => throw new InvalidOperationException($"Unexpected trigger {type}."),
            };
            yield return new FunctionShape(function.GetProperty("name").GetString()!, type, binding);
        }
    }

    private static FunctionShape Describe(FunctionRegistration function) => function.Trigger switch
    {
        FunctionTrigger.Queue queue => new FunctionShape(function.Name, "queueTrigger", queue.QueueName),
        FunctionTrigger.Timer timer => new FunctionShape(function.Name, "timerTrigger", timer.Schedule),
        FunctionTrigger.Http http => new FunctionShape(
            function.Name,
            "httpTrigger",
            string.Join(',', http.Methods.Select(m => m.ToUpperInvariant())) + " " + http.Route + " " + http.AuthLevel.ToString().ToLowerInvariant()),
        _ => throw new InvalidOperationException("Unknown trigger."),
    };

    private sealed record FunctionShape(string Name, string Trigger, string Binding);
}
