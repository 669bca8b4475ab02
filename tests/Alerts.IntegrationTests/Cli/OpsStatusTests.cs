using Alerts.IntegrationTests.Support;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts ops status</c> as a process against Azurite: the health report, from any machine with access.</summary>
public sealed class OpsStatusTests(AzuriteFixture azurite) : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-ops-");

    [Fact]
    public async Task OpsStatus_AccountTheAppNeverStarted_PrintsEveryQueueAndWhatIsMissing()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = Guid.NewGuid().ToString("N")[..8];
        using var ops = CliProcess.Start(
            ["ops", "status"],
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                ["Alerts__Storage__TablePrefix"] = "o" + id,
                ["FeedsToFetchQueueName"] = "ops-fetch-" + id,
                ["ArticlesQueueName"] = "ops-articles-" + id,
                ["DeliveriesQueueName"] = "ops-deliveries-" + id,
            },
            folder.FullName);

        var status = ops.WaitFor("status:", ct);
        var deliveries = ops.WaitFor("queue ops-deliveries-" + id, ct);
        var problem = ops.WaitFor("problem:", ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        await ops.Process.WaitForExitAsync(patience.Token);

        Assert.StartsWith("status: degraded", status, StringComparison.Ordinal);
        Assert.EndsWith("0 waiting, 0 in poison", deliveries, StringComparison.Ordinal);
        Assert.Contains("tables are not created yet", problem, StringComparison.Ordinal);
        Assert.Equal(0, ops.Process.ExitCode);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
