using Alerts.Core.Topics;

namespace Alerts.Functions.Http;

/// <summary>What the admin API checks on a topic before storing it.</summary>
internal static class TopicRules
{
    public static IEnumerable<(string Field, string Message)> Errors(WatchTopic topic)
    {
        if (string.IsNullOrWhiteSpace(topic.Name))
        {
            yield return ("name", "The name is required.");
        }

        if (string.IsNullOrWhiteSpace(topic.Query))
        {
            yield return ("query", "The query is required.");
        }

        if (topic.Threshold is < 0 or > 1)
        {
            yield return ("threshold", "The threshold must be between 0 and 1.");
        }
    }
}
