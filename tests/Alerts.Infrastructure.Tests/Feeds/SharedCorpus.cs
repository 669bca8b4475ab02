namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>Finds a folder of the shared corpus (../shared next to the repository root).</summary>
internal static class SharedCorpus
{
    public static string? Locate(string child) => Repository.Shared(child);
}
