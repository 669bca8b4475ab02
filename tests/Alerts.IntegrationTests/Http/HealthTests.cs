using System.Net;
using System.Text.Json;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Infrastructure.Storage;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary>GET /api/health on the real host against Azurite: what it reports, and when it stops saying healthy.</summary>
public sealed class HealthTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Health_FreshDeployment_IsHealthyAndNeedsNoKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.GetAsync("api/health", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal("healthy", report.RootElement.GetProperty("status").GetString());
        Assert.True(report.RootElement.GetProperty("storage").GetProperty("reachable").GetBoolean());
        Assert.Equal(4, report.RootElement.GetProperty("queues").GetArrayLength());
        Assert.Empty(report.RootElement.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Health_PoisonAndAFailingSource_IsDegradedSayingWhy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.Queue(app.Names.DeliveriesQueue + StorageNames.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: ct);
        await app.Queue(app.Names.DeliveriesQueue + StorageNames.PoisonSuffix).SendMessageAsync("{}", ct);
        await app.Services.GetRequiredService<ISourceStore>().UpsertAsync(
            new FeedSource("wire", new Uri("https://feeds.example.org/rss")) { Health = new SourceHealth { ConsecutiveFailures = 3, LastAttempt = DateTimeOffset.UtcNow } },
            ct);

        using var poisonGauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AlertsMetrics.MeterName, "alerts.queue.poison");

        var report = await app.Services.GetRequiredService<HealthCheck>().CheckAsync(ct);
        poisonGauge.RecordObservableInstruments();

        Assert.Equal("degraded", report.Status);
        Assert.Contains(poisonGauge.GetMeasurementSnapshot(), m => Equals(m.Tags["queue"], app.Names.DeliveriesQueue) && m.Value == 1);
        Assert.Equal(1, Assert.Single(report.Queues, q => q.Name == app.Names.DeliveriesQueue).Poison);
        Assert.Equal(new SourcesHealth(1, 1), report.Sources);
        Assert.Contains(report.Problems, p => p.Contains("parked in", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("1 of 1 source(s) failing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_ProbedAgainWithinHalfAMinute_ReusesTheReportWhileOpsSeeTheNews()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var check = app.Services.GetRequiredService<HealthCheck>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("api/health", ct)).StatusCode);

        // A message is parked right after the first probe.
        await app.ParkAsync(app.Names.DeliveriesQueue, "{}", ct);

        using var again = JsonDocument.Parse(await client.GetStringAsync("api/health", ct));
        var fresh = await check.CheckAsync(ct);

        // The probe gets the report of a moment ago; a fresh check (what `alerts ops status` runs) sees the message.
        Assert.Equal("healthy", again.RootElement.GetProperty("status").GetString());
        Assert.Equal("degraded", fresh.Status);
    }

    [Fact]
    public async Task CountPoison_ParkedMessage_CountsItAndRefreshesTheGauge()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.ParkAsync(app.Names.ArticlesQueue, "{}", ct);
        using var poisonGauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<long>(
            app.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), AlertsMetrics.MeterName, "alerts.queue.poison");

        var total = await app.Services.GetRequiredService<HealthCheck>().CountPoisonAsync(ct);
        poisonGauge.RecordObservableInstruments();

        Assert.Equal(1, total);
        Assert.Contains(poisonGauge.GetMeasurementSnapshot(), m => Equals(m.Tags["queue"], app.Names.ArticlesQueue) && m.Value == 1);
    }

    [Fact]
    public async Task Health_StorageUnreachable_IsUnhealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var check = new HealthCheck(
            new Azure.Storage.Queues.QueueServiceClient(
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:{LoopbackPorts.Free()}/devstoreaccount1;",
                new Azure.Storage.Queues.QueueClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = TimeSpan.FromSeconds(2) } }),
            app.Names,
            app.Services.GetRequiredService<ISourceStore>(),
            app.Services.GetRequiredService<ISubscriberStore>(),
            TimeProvider.System);

        var report = await check.CheckAsync(ct);

        Assert.Equal("unhealthy", report.Status);
        Assert.False(report.Storage.Reachable);
    }
}
