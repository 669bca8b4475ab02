using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Alerts.LocalDev.Azurite;

/// <summary>
/// A running Azurite storage emulator: either one this process started (and stops on dispose) or one that was
/// already listening on the default ports.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented, local only).</summary>
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    // Starts on ports found free before a port taken in between counts as a failure.
    private const int FreePortAttempts = 5;

    // How long a persistent instance gets to save its state before it is killed.
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(15);

    private readonly Process? _process;
    private readonly bool _persistent;

    private AzuriteInstance(Process? process, int blobPort, int queuePort, int tablePort, bool persistent = false)
    {
        _process = process;
        _persistent = persistent;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    /// <summary>Blob endpoint port.</summary>
    public int BlobPort { get; }

    /// <summary>Queue endpoint port.</summary>
    public int QueuePort { get; }

    /// <summary>Table endpoint port.</summary>
    public int TablePort { get; }

    /// <summary>True when this process started Azurite (and will stop it).</summary>
    public bool StartedHere => _process is not null;

    /// <summary>A connection string for the Azure SDK clients and the Functions host.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    /// <summary>Uses an Azurite already listening on the default ports (10000-10002), or starts one there.</summary>
    /// <param name="dataFolder">Where a started Azurite keeps its data, so state survives between runs.</param>
    /// <param name="log">Receives progress lines.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<AzuriteInstance> UseDefaultOrStartAsync(string dataFolder, Action<string> log, CancellationToken cancellationToken)
    {
        if (await IsListeningAsync(10001, cancellationToken) && await IsListeningAsync(10002, cancellationToken))
        {
            log("Using the Azurite already listening on 127.0.0.1:10000-10002.");
            return new AzuriteInstance(null, 10000, 10001, 10002);
        }

        return await StartAsync(new AzuriteLaunch(10000, 10001, 10002, dataFolder), log, cancellationToken);
    }

    /// <summary>Starts a private Azurite on free ports that keeps its data in <paramref name="dataFolder"/> (tests).</summary>
    public static Task<AzuriteInstance> StartPersistentAsync(string dataFolder, Action<string> log, CancellationToken cancellationToken) =>
        StartOnFreePortsAsync(LoopbackPorts.Free, dataFolder, log, cancellationToken);

    /// <summary>Starts a private, in-memory Azurite on free ports (tests).</summary>
    public static Task<AzuriteInstance> StartInMemoryAsync(Action<string> log, CancellationToken cancellationToken) =>
        StartOnFreePortsAsync(LoopbackPorts.Free, dataFolder: null, log, cancellationToken);

    /// <summary>
    /// Starts Azurite on ports <paramref name="choosePort"/> names. A port found free can be taken by another process
    /// before Azurite binds it (tests start many side by side), so a start that fails on a taken port is tried again on
    /// other ports.
    /// </summary>
    internal static async Task<AzuriteInstance> StartOnFreePortsAsync(Func<int> choosePort, string? dataFolder, Action<string> log, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartAsync(new AzuriteLaunch(choosePort(), choosePort(), choosePort(), dataFolder), log, cancellationToken);
            }
            catch (PortTakenException taken) when (attempt < FreePortAttempts)
            {
                log($"{taken.Message} Trying other ports.");
            }
        }
    }

    private static async Task<AzuriteInstance> StartAsync(AzuriteLaunch launch, Action<string> log, CancellationToken cancellationToken)
    {
        var executable = await AzuritePackage.EnsureInstalledAsync(log, cancellationToken);
        var arguments = new List<string>
        {
            "--silent", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
            "--blobHost", "127.0.0.1", "--blobPort", launch.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", launch.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", launch.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (launch.DataFolder is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(launch.DataFolder);
            arguments.AddRange(["--location", launch.DataFolder]);
        }

        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        arguments.ForEach(startInfo.ArgumentList.Add);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var errors = new System.Text.StringBuilder();
        var listening = new ListeningServices();
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (errors) { errors.AppendLine(e.Data); } } };
        process.OutputDataReceived += (_, e) => listening.Read(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var instance = new AzuriteInstance(process, launch.BlobPort, launch.QueuePort, launch.TablePort, persistent: launch.DataFolder is not null);
        var deadline = DateTime.UtcNow.AddSeconds(60);

        // Ready when Azurite itself says every service listens: a port that answers may belong to another process.
        while (!listening.All)
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                if (process.HasExited)
                {
                    // Its last error lines may still be on their way: wait for the end of its output.
                    await process.WaitForExitAsync(cancellationToken);
                }

                await instance.DisposeAsync();
                string detail;
                lock (errors)
                {
                    detail = errors.ToString();
                }

                if (detail.Split('\n').FirstOrDefault(line => line.Contains("EADDRINUSE", StringComparison.Ordinal)) is { } taken)
                {
                    throw new PortTakenException($"Azurite could not start: a port it was given ({launch.BlobPort}, {launch.QueuePort} or {launch.TablePort}) is taken by another program ({taken.Trim()}).");
                }

                throw new InvalidOperationException($"Azurite did not start (queue port {launch.QueuePort}, table port {launch.TablePort}). {detail}");
            }

            await Task.Delay(50, cancellationToken);
        }

        log($"Started Azurite on 127.0.0.1 (queues :{launch.QueuePort}, tables :{launch.TablePort}){(launch.DataFolder is null ? ", in memory" : $", data in {launch.DataFolder}")}.");
        return instance;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                // Azurite keeps table and queue metadata in memory and writes it to its data folder when it shuts down:
                // killed outright, a persistent instance forgets what the run stored (the demo's second run would send
                // again). So ask it to stop first, and kill only if it does not.
                if (_persistent && await InterruptAsync(_process))
                {
                    using var patience = new CancellationTokenSource(GracefulStop);
                    try
                    {
                        await _process.WaitForExitAsync(patience.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync();
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    // SIGINT, as Ctrl+C would send; Azurite saves its state and exits. Not available on Windows, where it is killed.
    private static async Task<bool> InterruptAsync(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (kill is null)
            {
                return false;
            }

            await kill.WaitForExitAsync();
            return kill.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record AzuriteLaunch(int BlobPort, int QueuePort, int TablePort, string? DataFolder);

    /// <summary>Azurite stopped because a port it was given is taken.</summary>
    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    /// <summary>Follows Azurite's start-up lines ("Azurite Queue service is successfully listening at ...").</summary>
    private sealed class ListeningServices
    {
        private static readonly string[] Services = ["Blob", "Queue", "Table"];
        private readonly HashSet<string> _listening = [];

        public bool All
        {
            get
            {
                lock (_listening)
                {
                    return _listening.Count == Services.Length;
                }
            }
        }

        public void Read(string? line)
        {
            if (line is null || !line.Contains("successfully listening", StringComparison.Ordinal))
            {
                return;
            }

            foreach (var service in Services.Where(service => line.Contains($"Azurite {service} service", StringComparison.Ordinal)))
            {
                lock (_listening)
                {
                    _listening.Add(service);
                }
            }
        }
    }
}
