namespace Alerts.Core.Scoring;

/// <summary>Why one word group of a topic found nothing in an article.</summary>
/// <param name="Reason">In the user's words ("no word from group 2: ...").</param>
/// <param name="WordsThereUncounted">Its words are there but did not count (kept away by a NOT NEAR, too far apart,
/// or below the headline for a title-only phrase): adding the story's other words to the group is then no fix.</param>
public sealed record GroupShortfall(string Reason, bool WordsThereUncounted)
{
    /// <summary>
    /// The group's title-only phrases written without <c>title:</c> (<c>"running back"</c>), where the story has
    /// their words only below its headline: the one addition that would count them.
    /// </summary>
    public IReadOnlyList<string> AnywhereForms { get; init; } = [];
}
