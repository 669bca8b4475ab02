using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// A place asked for in the words (<c>place:Massachusetts</c>, <c>place:"West Africa"</c>): any name the offline
/// recogniser reads as a place that lies in it, as the <c>places</c> constraint reads them ("BOSTON, Mass.", Lowell,
/// "Mass." after a town; a country's states and cities). Where a constraint decides where the story happens, this is
/// one more word of the query: a subject told through its local news (its towns, courts and councils) names the place
/// more surely than any word a writer can guess. Matches nothing a place's people are called ("Bostonians").
/// </summary>
public sealed class PlaceNode : QueryNode
{
    private readonly PlaceSet places = new();

    /// <summary>Reads a place by name; throws <see cref="ArgumentException"/> when the recogniser knows no such place.</summary>
    public PlaceNode(string name, FieldScope scope)
        : base(scope)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!places.Add(name, Gazetteer.Default))
        {
            throw new ArgumentException($"unknown place '{name}'", nameof(name));
        }

        Name = name.Trim();
    }

    /// <summary>The place as the query wrote it.</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public override string Kind => "place";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var found = false;
        EntityMention? previous = null;
        foreach (var mention in ArticleEntities.Of(document).Mentions)
        {
            if (!mention.Entry.IsPlace || !places.Holds(mention))
            {
                continue;
            }

            var from = document.Tokens[mention.FirstToken].Position;
            var to = document.Tokens[mention.LastToken].Position;
            if (!InScope(document, from))
            {
                continue;
            }

            // "BOSTON, Mass.": a town and the state after its comma name one place, as "BOSTON" alone does.
            if (found && previous is not null && Qualifies(document, previous, mention))
            {
                hits[^1] = hits[^1] with { To = to };
            }
            else
            {
                hits.Add(new QueryHit(from, to));
                found = true;
            }

            previous = mention;
        }

        return found;
    }

    // The state or country after a town's comma ("BOSTON, Mass.", "Lyon, France"), not another town of a list.
    private static bool Qualifies(AnalyzedDocument document, EntityMention place, EntityMention next)
    {
        var qualifies = next.Entry.Kind switch
        {
            EntityKind.Subdivision => place.Entry.SubdivisionCode == next.Entry.Id,
            EntityKind.Country => place.Entry.IsPlaceWithinCountry && place.Entry.CountryCode == next.Entry.CountryCode,
            _ => false,
        };
        if (!qualifies || next.FirstToken != place.LastToken + 1)
        {
            return false;
        }

        var before = document.Tokens[place.LastToken];
        var after = document.Tokens[next.FirstToken];
        return document.IsTitle(before.Position) == document.IsTitle(after.Position)
            && document.TextOf(before).AsSpan(before.End, after.Start - before.End).Trim().SequenceEqual(",");
    }

    /// <summary>
    /// No word is required: a place has more names than the presearcher should file it under (every town of a
    /// state). It is filed under the countries it lies in instead, so a topic that rests on a place alone is verified
    /// only against articles that name a place in one of them.
    /// </summary>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [new RequiredKeys([], [], [.. places.CountryCodes])];

    /// <inheritdoc/>
    public override string ToString() => ScopePrefix + "place:" + (Name.Contains(' ', StringComparison.Ordinal) ? $"\"{Name}\"" : Name);
}
