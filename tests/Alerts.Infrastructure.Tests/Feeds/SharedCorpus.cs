namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>Finds the shared corpus as ../shared next to the repository root (the folder holding Alerts.sln).</summary>
internal static class SharedCorpus
{
    public static string? Locate(string child)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", child));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
