namespace Alerts.Core.Scoring;

/// <summary>Why one word group of a topic found nothing in an article.</summary>
/// <param name="Reason">In the user's words ("no word from group 2: ...").</param>
/// <param name="WordsThereUncounted">Its words are there but did not count (kept away by a NOT NEAR, or too far
/// apart): adding words to the group is then no fix.</param>
public sealed record GroupShortfall(string Reason, bool WordsThereUncounted);
