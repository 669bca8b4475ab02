using Alerts.Core.Topics;

namespace Alerts.Cli.Scoring;

/// <summary>
/// A topic file read to try its topics offline (score, eval, preview): a property the app does not know is shown as a
/// warning and the topics still run, where saving a topic through the admin API refuses it.
/// </summary>
internal static class OfflineTopicFile
{
    /// <summary>Loads the file, writing a warning for each unknown property to <paramref name="error"/>.</summary>
    public static IReadOnlyList<WatchTopic> Load(string path, TextWriter error)
    {
        var warnings = new List<string>();
        var topics = TopicFile.Load(path, warnings);
        foreach (var warning in warnings)
        {
            error.WriteLine($"warning: {warning} (left out here; the admin API refuses it)");
        }

        return topics;
    }
}
