using System.Diagnostics;
using Microsoft.Playwright;

namespace Alerts.IntegrationTests.Support;

/// <summary>
/// Headless Chromium driven by Playwright: Debian's <c>chromium</c> package (Playwright's own browser download is not
/// used), installed with apt on first use where it is missing, so browser tests never skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Debian installs Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    /// <summary>The browser; one page per test.</summary>
    public IBrowser Browser { get; private set; } = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        // A page waits on the app, which waits on Azurite: on two cores shared with the rest of the suite an answer can
        // take longer than Playwright's default 5 s. Every expectation must still come true; it may take 30 s to.
        Assertions.SetDefaultExpectTimeout(30_000);
        await EnsureChromiumAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox as root; no GPU; nothing reaching out to a network this machine does not have.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        await RunAsync("apt-get", "update");
        await RunAsync("apt-get", "install -y --no-install-recommends chromium");
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not at {ChromiumPath} after installing Debian's chromium package.");
        }
    }

    private static async Task RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Installing Chromium for the browser tests failed: `{program} {arguments}` exited with {process.ExitCode} " +
                $"(run the tests as root, or install Debian's chromium package first).\n{await error}\n{await output}");
        }
    }
}
