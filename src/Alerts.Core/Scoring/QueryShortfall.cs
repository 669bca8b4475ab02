using Alerts.Core.Text;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Scoring;

/// <summary>
/// Why a topic's query did not match an article, in the words of the query: what the nearest part of it found and
/// what that part lacked ("found Blunkett, but nothing from: election OR vote OR ..."), or the excluded word that is
/// there. The most common miss on the evaluation sets is a name matched with a second word group AND-ed to it that
/// the story does not use; this says so, where "the query did not match" alone did not.
/// </summary>
public static class QueryShortfall
{
    private const int LongestPartShown = 160;

    // Branches as near as the nearest, said beside it; more would bury the first.
    private const int MostBranchesAlsoShown = 2;

    private const string OutsideTitleSaid = " are there, but not in the title as it asks";

    private const string TitlePrefix = "title:";

    /// <summary>Describes the shortfall; call it only for an article the query did not match.</summary>
    public static string Describe(CompiledTopic topic, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(document);
        var shortfall = new Shortfall();
        foreach (var exclusion in topic.Exclusions)
        {
            Collect(exclusion, document, shortfall);
        }

        foreach (var clause in topic.Clauses)
        {
            Collect(clause, document, shortfall);
        }

        var unfiled = topic.Filters.Where(f => !f.Evaluate(document, [])).Select(Shown).ToList();
        var filed = unfiled.Count == 0 ? string.Empty
            : $"; it is not filed under {string.Join(" | ", unfiled)} ({(document.Categories.Count == 0 ? "its source gave it no category" : "its categories: " + string.Join(", ", document.Categories))})";

        var excluded = shortfall.Excluded.Count == 0 ? string.Empty : "; it has what the query excludes: " + string.Join(", ", shortfall.Excluded.Distinct(StringComparer.OrdinalIgnoreCase));
        // A phrase that asks for its small words ("will pay") may have its other words side by side and still fail.
        var howApart = shortfall.Apart.Any(node => node is PhraseNode { StopWords.Count: > 0 })
            ? " are there, but not together as it asks, small words included"
            : " are there, but not as close together as it asks";
        var apart = (shortfall.Apart.Count == 0 ? string.Empty : "; the words of " + string.Join(" | ", shortfall.Apart.Select(Shown)) + howApart)
            + (shortfall.OutsideTitle.Count == 0 ? string.Empty : "; the words of " + string.Join(" | ", shortfall.OutsideTitle.Select(Shown)) + OutsideTitleSaid);
        if (shortfall.Found.Count == 0)
        {
            return (apart.Length > 0 ? "the query did not match" + apart : "the query did not match: none of its words are there") + excluded + filed;
        }

        var found = string.Join(", ", shortfall.Found.Distinct(StringComparer.OrdinalIgnoreCase));
        var missing = shortfall.Missing.Count == 0 ? string.Empty : ", but nothing from: " + string.Join(" | ", shortfall.Missing.Select(Shown));
        // Said only where the one OR's nearest branch is all the query lacks: beside another lack or an exclusion, "as
        // near" would read as enough on its own.
        var alsoNear = shortfall.AlsoNear is [var group] && group.NearestMissing == shortfall.Missing.Count && shortfall.Excluded.Count == 0
            ? string.Concat(group.Branches.Take(MostBranchesAlsoShown).Select(branch => AsNear(branch, shortfall.Found)))
            : string.Empty;
        return $"the query did not match: found {found}{missing}{alsoNear}{apart}{excluded}{filed}";
    }

    // Another branch as near: what it lacked, and what it found where that is not what the query found anyway
    // ("(or from: Diebold)" beside "found Vote, election, but nothing from: "paper trail"").
    private static string AsNear(Shortfall branch, List<string> foundAnyway)
    {
        var lacked = string.Join(" | ", branch.Missing.Select(Shown));
        var found = branch.Found.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return found.All(word => foundAnyway.Contains(word, StringComparer.OrdinalIgnoreCase))
            ? $" (or from: {lacked})"
            : $" (as near: found {string.Join(", ", found)}, but nothing from: {lacked})";
    }

    // A part that matches adds the words it found. One that does not adds what it lacks: every part of an AND that
    // is not there, the branch of an OR that came closest (fewest parts missing, then most words found), or itself.
    private static void Collect(QueryNode node, AnalyzedDocument document, Shortfall shortfall)
    {
        var hits = new List<QueryHit>();
        if (node.Evaluate(document, hits))
        {
            shortfall.Found.AddRange(hits.Select(h => TextOf(document, h)).Where(t => t.Length > 0));
            return;
        }

        switch (node)
        {
            case NotNode not:
                var present = new List<QueryHit>();
                not.Child.Evaluate(document, present);
                shortfall.Excluded.AddRange(present.Count > 0 ? present.Select(h => TextOf(document, h)) : [not.Child.ToString()]);
                break;
            case AndNode and:
                foreach (var child in and.Children)
                {
                    Collect(child, document, shortfall);
                }

                break;
            case OrNode or:
                var ranked = or.Children
                    .Select(child =>
                    {
                        var branch = new Shortfall();
                        Collect(child, document, branch);
                        return branch;
                    })
                    .Where(branch => branch.Found.Count + branch.Apart.Count + branch.OutsideTitle.Count > 0)
                    .OrderBy(branch => branch.Distance)
                    .ThenByDescending(branch => branch.WordsFound)
                    .ToList();
                var nearest = ranked.FirstOrDefault();
                if (nearest is null || (or.ShownAs is not null && nearest.Missing.Count > 0))
                {
                    // A word written once is one word to the user, however it is looked for ("anti-vir*", "al-Qaeda").
                    shortfall.Missing.Add(node);
                }
                else if (or.ShownAs is not null && nearest.Found.Count == 0 && nearest.Missing.Count == 0)
                {
                    // A word and its other spellings are one word to the user: shown as the query wrote it.
                    shortfall.Apart.Add(node);
                }
                else
                {
                    shortfall.Add(nearest);
                    // Other branches as near ("found World Cup, but nothing from: downhill" beside "found hockey, but
                    // nothing from: Europe OR ..."): said too, so that the evidence does not point to one of two fixes.
                    // A branch that lacks what the nearest lacks says nothing more.
                    var asNear = ranked.Skip(1)
                        .TakeWhile(branch => branch.Distance == nearest.Distance && branch.WordsFound == nearest.WordsFound)
                        .Where(branch => nearest.Missing.Count > 0 && branch.Missing.Count > 0 && branch.Found.Count > 0
                            && !branch.Missing.Select(Shown).SequenceEqual(nearest.Missing.Select(Shown)))
                        .ToList();
                    if (asNear.Count > 0)
                    {
                        shortfall.AlsoNear.Add(new AsNearGroup(nearest.Missing.Count, asNear));
                    }
                }

                break;
            case NearNode near when near.Left.Evaluate(document, []) && near.Right.Evaluate(document, []):
                shortfall.Apart.Add(node);
                break;
            case NearNode near when near.Left.Evaluate(document, []) || near.Right.Evaluate(document, []):
                // One side is there ("a 48-hour strike by aircraft refuellers"): say what it found and which side
                // lacked a word, as for an AND, rather than that none of the query's words are there.
                Collect(near.Left, document, shortfall);
                Collect(near.Right, document, shortfall);
                break;
            case NotNearNode notNear when notNear.Left.Evaluate(document, []):
                // Each match stands beside what the query keeps away from it ("told CNN"): say both.
                var (kept, beside) = notNear.MatchesKeptAway(document);
                shortfall.Found.AddRange(kept.Select(h => TextOf(document, h)));
                shortfall.Excluded.AddRange(beside.Select(h => TextOf(document, h)));
                break;
            case NotNearNode notNear:
                Collect(notNear.Left, document, shortfall);
                break;
            case PhraseNode { Scope: FieldScope.Title } phrase when !phrase.Stems.All(stem => document.PositionsOf(stem).Any(document.IsTitle))
                && phrase.Stems.All(stem => document.PositionsOf(stem).Count > 0):
                // "title:"running back"" in a story that says "running back" only below the headline: not a question
                // of closeness, and the fix differs (drop title:, or keep it and miss such stories).
                shortfall.OutsideTitle.Add(phrase);
                break;
            case PhraseNode phrase when phrase.Stems.All(stem => document.PositionsOf(stem).Count > 0):
                shortfall.Apart.Add(node);
                break;
            default:
                shortfall.Missing.Add(node);
                break;
        }
    }

    /// <summary>
    /// Why one group of a topic found nothing, in the user's words: "no word from group 2: ...", or, when its words are
    /// there, why they did not count: only beside what a NOT NEAR of the group keeps away ("CNN beside told"), not as
    /// close together as it asks, or only in other forms than a `#` word asks for ("units" for <c>#unit</c>).
    /// </summary>
    public static GroupShortfall MissingGroup(CompiledTopic topic, AnalyzedDocument document, int group)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(document);
        var clause = topic.Clauses[group];
        var number = (group + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (KeptAwayIn(clause, document) is { } kept)
        {
            return new($"group {number} found only what it keeps away ({kept}): {clause}", WordsThereUncounted: true);
        }

        var nearest = Nearest(clause, document);
        if (nearest.Missing.Count == 0 && nearest.Apart.Count > 0)
        {
            return new($"group {number} has its words, but not as close together as it asks: {clause}", WordsThereUncounted: true);
        }

        if (nearest.Missing.Count == 0 && nearest.OutsideTitle.Count > 0)
        {
            return new($"group {number} has its words, but not in the title as it asks: {clause}", WordsThereUncounted: true)
            {
                // Only phrases scoped to the title are put there, each shown with its "title:".
                AnywhereForms = [.. nearest.OutsideTitle.Select(phrase => phrase.ToString()[TitlePrefix.Length..])],
            };
        }

        var otherForms = OtherFormsIn(clause, document).Distinct(StringComparer.Ordinal).ToList();
        return new(
            otherForms.Count > 0
                ? $"group {number} has only other forms than its # words ask for ({string.Join(", ", otherForms)}): {clause}"
                : $"no word from group {number}: {clause}",
            WordsThereUncounted: false);
    }

    // What the part of the group that came nearest lacks: no word missing means its words are there, only not
    // together or not where the query asks.
    private static Shortfall Nearest(QueryNode clause, AnalyzedDocument document)
    {
        var shortfall = new Shortfall();
        Collect(clause, document, shortfall);
        return shortfall;
    }

    // The forms of a `#` word's family that the story writes, other than the one form the word asks for (not in what
    // the group excludes or keeps away).
    private static IEnumerable<string> OtherFormsIn(QueryNode node, AnalyzedDocument document) => node switch
    {
        TermNode { NameForms: { } forms } term when term.Written.StartsWith('#') => term.SearchedStems
            .SelectMany(document.PositionsOf)
            .Select(position => document.TokenAt(position)?.Surface)
            .OfType<string>()
            .Where(surface => !forms.Contains(surface)),
        OrNode or => or.Children.SelectMany(child => OtherFormsIn(child, document)),
        AndNode and => and.Children.SelectMany(child => OtherFormsIn(child, document)),
        NearNode near => OtherFormsIn(near.Left, document).Concat(OtherFormsIn(near.Right, document)),
        NotNearNode notNear => OtherFormsIn(notNear.Left, document),
        _ => [],
    };

    private static string? KeptAwayIn(QueryNode node, AnalyzedDocument document) => node switch
    {
        NotNearNode notNear when !notNear.Evaluate(document, []) && notNear.MatchesKeptAway(document) is { Left.Count: > 0 } kept =>
            string.Join(", ", kept.Left.Select(h => TextOf(document, h)).Distinct(StringComparer.OrdinalIgnoreCase)) + " beside "
            + string.Join(", ", kept.Right.Select(h => TextOf(document, h)).Distinct(StringComparer.OrdinalIgnoreCase)),
        OrNode or => or.Children.Select(child => KeptAwayIn(child, document)).FirstOrDefault(kept => kept is not null),
        AndNode and => and.Children.Select(child => KeptAwayIn(child, document)).FirstOrDefault(kept => kept is not null),
        NearNode near => KeptAwayIn(near.Left, document) ?? KeptAwayIn(near.Right, document),
        _ => null,
    };

    private static string Shown(QueryNode node)
    {
        var text = node.ToString();
        return text.Length <= LongestPartShown ? text : text[..LongestPartShown].TrimEnd() + " ...";
    }

    // The words a hit covers, as the article writes them.
    private static string TextOf(AnalyzedDocument document, QueryHit hit)
    {
        if (document.TokenAt(hit.From) is not { } first)
        {
            return string.Empty;
        }

        var text = document.IsTitle(hit.From) ? document.Title : document.Body;
        return document.TokenAt(hit.To) is { } last && document.IsTitle(hit.From) == document.IsTitle(hit.To) && last.End > first.Start
            ? text[first.Start..last.End]
            : first.Surface;
    }

    // The branches of one OR that came as near as its nearest, which lacked this many parts.
    private sealed record AsNearGroup(int NearestMissing, List<Shortfall> Branches);

    private sealed class Shortfall
    {
        public List<string> Found { get; } = [];

        public List<QueryNode> Missing { get; } = [];

        public List<string> Excluded { get; } = [];

        // Parts whose words are all there, but not as near or in the order the query asks ("Israeli NEAR/2 military").
        public List<QueryNode> Apart { get; } = [];

        // Title-only phrases whose words the story writes, but not all of them in its title.
        public List<PhraseNode> OutsideTitle { get; } = [];

        // Per OR, the other branches that came as near as the one described.
        public List<AsNearGroup> AlsoNear { get; } = [];

        // How far a branch is from matching: the parts it lacks, excludes or has apart.
        public int Distance => Missing.Count + Excluded.Count + Apart.Count + OutsideTitle.Count;

        // The different words it found, however often the story writes each.
        public int WordsFound => Found.Distinct(StringComparer.OrdinalIgnoreCase).Count();

        public void Add(Shortfall other)
        {
            Found.AddRange(other.Found);
            Missing.AddRange(other.Missing);
            Excluded.AddRange(other.Excluded);
            Apart.AddRange(other.Apart);
            OutsideTitle.AddRange(other.OutsideTitle);
            AlsoNear.AddRange(other.AlsoNear);
        }
    }
}
