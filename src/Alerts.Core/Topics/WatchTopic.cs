namespace Alerts.Core.Topics;

/// <summary>
/// Something a subscriber wants to hear about, written once in the topic language
/// (see README "Watch topics"). Articles are scored against it.
/// </summary>
/// <param name="Id">Stable identifier, lower-case letters, digits and dashes.</param>
/// <param name="Name">Human name shown in alerts.</param>
/// <param name="Query">Query in the topic language.</param>
public sealed record WatchTopic(string Id, string Name, string Query)
{
    /// <summary>What the topic is meant to catch, in the owner's words.</summary>
    public string? Description { get; init; }

    /// <summary>Entity constraints the article must satisfy besides the query.</summary>
    public TopicConstraints? Constraints { get; init; }

    /// <summary>
    /// Word groups named once and used in the query by name (<c>@it</c>): <c>{ "it": "software OR computer*" }</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Groups { get; init; }

    /// <summary>Score in [0, 1] from which an article alerts.</summary>
    public double Threshold { get; init; } = 0.5;
}
