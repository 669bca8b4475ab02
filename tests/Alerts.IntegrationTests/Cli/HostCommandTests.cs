using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts host</c> as a process: bad settings stop it at start, named in words, without a stack trace.</summary>
public sealed class HostCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-host-");

    [Fact]
    public async Task Host_InvalidSettings_ExitsNamingEachSettingWithoutDotNetTypes()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CliProcess.Start(
            ["host", "--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}"],
            new Dictionary<string, string>
            {
                ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
                ["Alerts__DeliverySendDeadline"] = "00:00:01",
                ["Alerts__ArticleRetention"] = "2.00:00:00",
            },
            folder.FullName);

        // Act
        var heading = host.WaitFor("cannot start", ct);
        var problems = new[] { host.WaitFor("  - ", ct), host.WaitFor("  - ", ct) };
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        await host.Process.WaitForExitAsync(patience.Token);

        // Assert
        Assert.Equal(2, host.Process.ExitCode);
        Assert.Contains("fix these settings", heading, StringComparison.Ordinal);
        Assert.Equal(
            [
                "  - Alerts:ArticleRetention must be between 14.00:00:00 and 365.00:00:00.",
                "  - Alerts:DeliverySendDeadline must be between 00:00:05 and 00:09:00.",
            ],
            problems.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(host.Seen, line => line.Contains("Exception", StringComparison.Ordinal) || line.Contains("Microsoft.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_SettingOfTheWrongKind_ExitsSayingWhatItMustBe()
    {
        var ct = TestContext.Current.CancellationToken;
        using var host = CliProcess.Start(
            ["host", "--urls", $"http://127.0.0.1:{LoopbackPorts.Free()}"],
            new Dictionary<string, string> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["Alerts__Scoring__RefreshIntervalSeconds"] = "soon" },
            folder.FullName);

        // Act
        var problem = host.WaitFor("  - ", ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(30));
        await host.Process.WaitForExitAsync(patience.Token);

        // Assert
        Assert.Equal(2, host.Process.ExitCode);
        Assert.Equal("  - Setting Alerts:Scoring:RefreshIntervalSeconds must be a whole number.", problem);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
