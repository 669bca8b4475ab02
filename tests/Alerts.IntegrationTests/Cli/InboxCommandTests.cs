using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
        var webhookPort = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "alerts.dll"), "inbox", "--smtp-port", FreePort().ToString(), "--webhook-port", webhookPort.ToString(), "--output", folder.FullName })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var lines = new System.Collections.Concurrent.BlockingCollection<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } lines.Add(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            WaitForLine(lines, "Press Ctrl+C", ct);

            // Act
            using var http = new HttpClient();
            using var body = new StringContent("{\"alert\":1}", Encoding.UTF8, "application/json");
            body.Headers.Add("X-Alerts-Signature", "sha256=00");
            var answer = await http.PostAsync($"http://127.0.0.1:{webhookPort}/hooks/test", body, ct);
            var arrival = WaitForLine(lines, "POST /hooks/test", ct);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await kill!.WaitForExitAsync(ct);
            }

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(patience.Token);

            // Assert
            Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
            Assert.Contains("(signed)", arrival, StringComparison.Ordinal);
            Assert.Equal(0, process.ExitCode);
            var headers = Assert.Single(Directory.GetFiles(Path.Combine(folder.FullName, "hooks"), "*.headers.txt"));
            Assert.Contains("X-Alerts-Signature: sha256=00", await File.ReadAllTextAsync(headers, ct), StringComparison.Ordinal);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static string WaitForLine(System.Collections.Concurrent.BlockingCollection<string> lines, string text, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        while (true)
        {
            var line = lines.Take(deadline.Token);
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
}
