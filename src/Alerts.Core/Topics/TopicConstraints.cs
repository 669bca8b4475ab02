namespace Alerts.Core.Topics;

/// <summary>
/// Entity constraints of a topic: where it happens and who acts.
/// Values are entity names or ids known to the recogniser (countries, cities, organisations, nationalities).
/// </summary>
public sealed record TopicConstraints
{
    /// <summary>The article must mention one of these places (a city implies its country).</summary>
    public IReadOnlyList<string> Places { get; init; } = [];

    /// <summary>
    /// The article must not happen in any of these places (a country excludes its subdivisions and cities): read as
    /// <see cref="Places"/> reads where a story happens, with the first place the story names as where something is
    /// among them.
    /// </summary>
    public IReadOnlyList<string> ExcludePlaces { get; init; } = [];

    /// <summary>The article must mention one of these organisations.</summary>
    public IReadOnlyList<string> Organisations { get; init; } = [];

    /// <summary>At least one actor must have one of these nationalities (empty: any).</summary>
    public IReadOnlyList<string> ActorNationalities { get; init; } = [];

    /// <summary>At least one actor must have a nationality other than these.</summary>
    public IReadOnlyList<string> ExcludeActorNationalities { get; init; } = [];

    /// <summary>
    /// What to do when an article gives nothing to judge a constraint by (it names no place at all, or nobody next to
    /// the matched words): false (the default) lets the words decide and says so in the evidence; true fails the
    /// constraint, for topics that would rather miss a story than receive one whose place or actors are unknown.
    /// </summary>
    public bool Strict { get; init; }

    /// <summary>The same constraints with every list a JSON null left empty (the record's contract promises lists).</summary>
    public TopicConstraints WithListsForNull() => this with
    {
        Places = Places ?? [],
        ExcludePlaces = ExcludePlaces ?? [],
        Organisations = Organisations ?? [],
        ActorNationalities = ActorNationalities ?? [],
        ExcludeActorNationalities = ExcludeActorNationalities ?? [],
    };
}
