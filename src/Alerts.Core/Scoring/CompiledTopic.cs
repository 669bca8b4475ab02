using Alerts.Core.Entities;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Scoring;

/// <summary>A watch topic with its query parsed and its constraints resolved against the gazetteer.</summary>
public sealed class CompiledTopic
{
    private CompiledTopic(WatchTopic topic, QueryNode query, RequiredKeys? keys, ResolvedConstraints constraints)
    {
        Topic = topic;
        Query = query;
        Keys = keys;
        Constraints = constraints;
        var clauses = query is AndNode and ? and.Children : [query];
        Clauses = clauses.Where(c => c is not NotNode && !CategoryNode.IsOnlyCategories(c)).ToArray();
        Filters = clauses.Where(c => c is not NotNode && CategoryNode.IsOnlyCategories(c)).ToArray();
        Exclusions = clauses.OfType<NotNode>().ToArray();
        NameForms = QueryParser.NameFormsIn(query);
        CapitalNames = QueryParser.CapitalNamesIn(query);
        NamePhrases = QueryParser.NamePhrasesIn(query);

        // Two independent requirements prune far better than one: an article must then contain a word of each. A
        // requirement of places only is used when there is no other, since reading an article's places costs more
        // than looking up its words.
        var keySets = query.GetRequiredKeySets();
        if (keySets.Any(k => k.Countries.Count == 0))
        {
            keySets = keySets.Where(k => k.Terms.Count + k.Prefixes.Count > 0).ToArray();
        }

        PresearchKeys = keySets
            .GroupBy(k => string.Join('\u0001', k.Terms) + '\u0002' + string.Join('\u0001', k.Prefixes) + '\u0002' + string.Join('\u0001', k.Countries))
            .Select(g => g.First())
            .OrderBy(k => k.Cost)
            .Take(2)
            .ToArray();
    }

    /// <summary>Up to two requirements (each "one of these words") the presearcher checks before verification.</summary>
    public IReadOnlyList<RequiredKeys> PresearchKeys { get; }

    /// <summary>The topic as written.</summary>
    public WatchTopic Topic { get; }

    /// <summary>The parsed query.</summary>
    public QueryNode Query { get; }

    /// <summary>The words one of which an article must contain (null: verify every article).</summary>
    public RequiredKeys? Keys { get; }

    /// <summary>Positive top-level clauses (the parts of an implicit AND).</summary>
    public IReadOnlyList<QueryNode> Clauses { get; }

    /// <summary>
    /// Top-level clauses that only narrow the query (<c>category:Business</c>): they must hold, as exclusions must
    /// not, and are no mention of the subject, so they neither count in the score nor show as matched words.
    /// </summary>
    public IReadOnlyList<QueryNode> Filters { get; }

    /// <summary>Top-level NOT clauses.</summary>
    public IReadOnlyList<NotNode> Exclusions { get; }

    /// <summary>Resolved entity constraints.</summary>
    public ResolvedConstraints Constraints { get; }

    /// <summary>The folded forms of the query's names (people, companies: "Sharapova", "Glazer"), found once.</summary>
    public IReadOnlySet<string> NameForms { get; }

    /// <summary>The folded forms of the words the query writes in capitals ("SAP", "BMW"): names when the article writes them so.</summary>
    public IReadOnlySet<string> CapitalNames { get; }

    /// <summary>The stems of the phrases the query writes as names ("Virgin Atlantic"): see <see cref="QueryParser.NamePhrasesIn"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> NamePhrases { get; }

    /// <summary>Compiles a topic; throws <see cref="QueryParseException"/> for a bad query.</summary>
    public static CompiledTopic Compile(WatchTopic topic, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(topic);
        var query = QueryParser.Parse(QueryGroups.ExpandedQuery(topic));
        return new CompiledTopic(topic, query, query.GetRequiredKeys(), ResolvedConstraints.Resolve(topic.Constraints, gazetteer));
    }
}

/// <summary>Topic constraints with names resolved to gazetteer ids and country codes.</summary>
public sealed class ResolvedConstraints
{
    private ResolvedConstraints()
    {
    }

    /// <summary>Places the article must happen in (a country holds its subdivisions and cities).</summary>
    public PlaceSet Places { get; } = new();

    /// <summary>Places the article must not happen in.</summary>
    public PlaceSet ExcludedPlaces { get; } = new();

    /// <summary>Organisation ids required.</summary>
    public HashSet<string> Organisations { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Organisations unknown to the gazetteer.</summary>
    public List<string> OtherOrganisations { get; } = [];

    /// <summary>Nationalities (country codes) at least one actor must have.</summary>
    public HashSet<string> ActorNationalities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Nationalities (country codes) that do not count as actors.</summary>
    public HashSet<string> ExcludeActorNationalities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a constraint that cannot be judged fails (true) or lets the words decide (false).</summary>
    public bool Strict { get; private set; }

    /// <summary>Whether any place constraint exists.</summary>
    public bool HasPlaces => Places.Any;

    /// <summary>Whether any organisation constraint exists.</summary>
    public bool HasOrganisations => Organisations.Count + OtherOrganisations.Count > 0;

    /// <summary>Whether an actor rule exists.</summary>
    public bool HasActors => ActorNationalities.Count + ExcludeActorNationalities.Count > 0;

    /// <summary>Whether the topic has any constraint (entities are then needed).</summary>
    public bool Any => HasPlaces || ExcludedPlaces.Any || HasOrganisations || HasActors;

    internal static ResolvedConstraints Resolve(TopicConstraints? constraints, Gazetteer gazetteer)
    {
        var resolved = new ResolvedConstraints();
        if (constraints is null)
        {
            return resolved;
        }

        resolved.Strict = constraints.Strict;

        AddPlaces(resolved.Places, constraints.Places, gazetteer);
        AddPlaces(resolved.ExcludedPlaces, constraints.ExcludePlaces ?? [], gazetteer);

        foreach (var organisation in constraints.Organisations)
        {
            var entry = gazetteer.Resolve(organisation);
            if (entry?.Kind == EntityKind.Organisation)
            {
                resolved.Organisations.Add(entry.Id);
            }
            else
            {
                resolved.OtherOrganisations.Add(organisation);
            }
        }

        AddNationalities(resolved.ActorNationalities, constraints.ActorNationalities, gazetteer);
        AddNationalities(resolved.ExcludeActorNationalities, constraints.ExcludeActorNationalities, gazetteer);
        return resolved;
    }

    private static void AddNationalities(HashSet<string> codes, IEnumerable<string> names, Gazetteer gazetteer)
    {
        foreach (var name in names)
        {
            var stood = NationalityCodes(name, gazetteer);
            if (stood.Count == 0)
            {
                // Topic validation refuses such a name; a topic compiled without it would not ask who acts.
                throw new ArgumentException($"unknown nationality '{name}'", nameof(names));
            }

            codes.UnionWith(stood);
        }
    }

    private static void AddPlaces(PlaceSet set, IEnumerable<string> names, Gazetteer gazetteer)
    {
        foreach (var name in names)
        {
            if (!set.Add(name, gazetteer))
            {
                // Topic validation refuses such a place; a topic compiled without it could not say where.
                throw new ArgumentException($"unknown place '{name}'", nameof(names));
            }
        }
    }

    /// <summary>
    /// The country codes a nationality, a country or a world region stands for, or none. A nation within a country
    /// stands for the country ("England" is British): who acts is read by country, and "England" acting is Britain's
    /// people. A region stands for each of its countries ("Europe": any European people acting), as it does in
    /// <c>places</c>.
    /// </summary>
    internal static IReadOnlyList<string> NationalityCodes(string name, Gazetteer gazetteer)
    {
        var entry = gazetteer.Resolve(name);
        if (entry is { Kind: EntityKind.Country or EntityKind.Nationality } or { IsNation: true })
        {
            return [entry.CountryCode!];
        }

        return gazetteer.Areas.Resolve(name)?.CountryCodes ?? [];
    }

    /// <summary>Whether words of an unknown place or organisation name occur in the document.</summary>
    internal static bool NameOccurs(AnalyzedDocument document, string name)
    {
        var stems = TextAnalyzer.Analyze(name).Where(t => !t.IsStopWord).Select(t => t.Stem).ToArray();
        if (stems.Length == 0)
        {
            return false;
        }

        foreach (var start in document.PositionsOf(stems[0]))
        {
            var ok = true;
            for (var k = 1; k < stems.Length && ok; k++)
            {
                ok = document.PositionsOf(stems[k]).Any(p => p > start && p <= start + (2 * k) + 1);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }
}
