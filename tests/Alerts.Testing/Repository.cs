namespace Alerts.Testing;

/// <summary>Where the tests run from: the repository root and the optional <c>../shared</c> beside it.</summary>
public static class Repository
{
    /// <summary>The repository root (the folder holding Alerts.sln).</summary>
    public static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Alerts.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Alerts.sln not found above the test folder");
    }

    /// <summary><c>../shared</c> next to the repository root, or null when absent (tests that need it skip).</summary>
    public static string? SharedFolder()
    {
        var shared = Path.GetFullPath(Path.Combine(Root(), "..", "shared"));
        return Directory.Exists(shared) ? shared : null;
    }

    /// <summary>A folder inside <c>../shared</c>, or null when absent.</summary>
    public static string? Shared(string child) =>
        SharedFolder() is { } shared && Path.Combine(shared, child) is var path && Directory.Exists(path) ? path : null;
}
