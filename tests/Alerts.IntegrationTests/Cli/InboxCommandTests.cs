using System.Net;
using System.Text;
using Alerts.IntegrationTests.Support;
using Alerts.LocalDev;

namespace Alerts.IntegrationTests.Cli;

/// <summary><c>alerts inbox</c> as a process: it prints each arrival, saves webhook headers and stops on SIGTERM.</summary>
public sealed class InboxCommandTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alerts-inbox-");

    [Fact]
    public async Task Inbox_WebhookArrivesThenSigterm_PrintsTheArrivalSavesHeadersAndExits()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "signals are POSIX");
        var ct = TestContext.Current.CancellationToken;
        var webhookPort = LoopbackPorts.Free();
        using var inbox = CliProcess.Start(["inbox", "--smtp-port", LoopbackPorts.Free().ToString(), "--webhook-port", webhookPort.ToString(), "--output", folder.FullName]);
        inbox.WaitFor("Press Ctrl+C", ct);

        // Act
        using var http = new HttpClient();
        using var body = new StringContent("{\"alert\":1}", Encoding.UTF8, "application/json");
        body.Headers.Add("X-Alerts-Signature", "sha256=00");
        var answer = await http.PostAsync($"http://127.0.0.1:{webhookPort}/hooks/test", body, ct);
        var arrival = inbox.WaitFor("POST /hooks/test", ct);
        await inbox.TerminateAsync(ct);
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(20));
        await inbox.Process.WaitForExitAsync(patience.Token);

        // Assert
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Contains("(signed)", arrival, StringComparison.Ordinal);
        Assert.Equal(0, inbox.Process.ExitCode);
        var headers = Assert.Single(Directory.GetFiles(Path.Combine(folder.FullName, "hooks"), "*.headers.txt"));
        Assert.Contains("X-Alerts-Signature: sha256=00", await File.ReadAllTextAsync(headers, ct), StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);
}
