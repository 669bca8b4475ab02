using System.Diagnostics;

namespace Alerts.LocalDev.Azurite;

/// <summary>
/// Finds the Azurite version pinned in the repository's package.json, installing it with npm on first use,
/// so a fresh clone needs nothing but the .NET SDK and Node.js.
/// </summary>
public static class AzuritePackage
{
    /// <summary>The repository root: the folder holding Alerts.sln, found from the working or the program folder.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Alerts.sln")) && File.Exists(Path.Combine(folder.FullName, "package.json")))
                {
                    return folder.FullName;
                }
            }
        }

        return null;
    }

    /// <summary>Returns the path of the azurite executable, running <c>npm ci</c> first if it is missing.</summary>
    public static async Task<string> EnsureInstalledAsync(Action<string> log, CancellationToken cancellationToken)
    {
        var root = FindRepositoryRoot()
            ?? throw new InvalidOperationException("Cannot find the Alerts repository (Alerts.sln + package.json) to run its pinned Azurite. Run from the repository, or start Azurite yourself on ports 10000-10002.");
        var executable = Path.Combine(root, "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");
        if (File.Exists(executable))
        {
            return executable;
        }

        // One installer at a time: parallel test processes may all find Azurite missing.
        using var installLock = await AcquireInstallLockAsync(root, cancellationToken);
        if (File.Exists(executable))
        {
            return executable;
        }

        log("Installing the pinned Azurite with npm (first run only)...");
        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var startInfo = new ProcessStartInfo(npm) { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("Could not run npm. Install Node.js (with npm).");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"npm ci failed (exit {process.ExitCode}): {await error}{await output}");
        }

        return executable;
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string root, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, "node_modules.install.lock");
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
