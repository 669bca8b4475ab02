namespace Alerts.Core.Scoring;

/// <summary>The verdict of one (article, topic) pair.</summary>
/// <param name="TopicId">The topic scored.</param>
/// <param name="TopicName">Its display name.</param>
/// <param name="Score">Relevance in [0, 1].</param>
/// <param name="Alert">Whether the score reached the topic's threshold.</param>
/// <param name="Evidence">Why: the clauses and entities that matched, with snippets.</param>
public sealed record TopicMatch(
    string TopicId,
    string TopicName,
    double Score,
    bool Alert,
    IReadOnlyList<MatchEvidence> Evidence)
{
    /// <summary>Whether the topic's constraints held (a subscriber's own threshold never overrides a failed one).</summary>
    public bool ConstraintsHold { get; init; } = true;
}

/// <summary>One reason an article matched: a query clause or an entity, with a highlighted snippet.</summary>
/// <param name="Kind">What matched: <c>term</c>, <c>phrase</c>, <c>near</c>, <c>entity</c>, <c>constraint</c>...</param>
/// <param name="Description">Human-readable reason, e.g. <c>actor: Turkish (nationality)</c>.</param>
/// <param name="Snippet">Text around the match with the match in «guillemets», when there is one.</param>
public sealed record MatchEvidence(string Kind, string Description, string? Snippet = null)
{
    /// <summary>
    /// The same reason in a reader's words, without query syntax or counters: the matched words (<c>troops</c>), a
    /// place (<c>Kabul, Afghanistan</c>), who is involved (<c>Turkey involved</c>); null for internal detail.
    /// </summary>
    public string? Plain { get; init; }
}
