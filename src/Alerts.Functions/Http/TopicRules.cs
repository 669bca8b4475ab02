using Alerts.Core.Topics;

namespace Alerts.Functions.Http;

/// <summary>What the admin API checks on a topic before storing it: the topic language's own validation.</summary>
internal static class TopicRules
{
    public static IEnumerable<(string Field, string Message)> Errors(WatchTopic topic) =>
        TopicValidation.Validate(topic).Select(error => (error.Field, error.Message));
}
