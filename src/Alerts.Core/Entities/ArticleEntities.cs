using Alerts.Core.Text;

namespace Alerts.Core.Entities;

/// <summary>
/// The entities of one analysed article with the context that decides their role: a country named right after
/// "in", "to" or "from" is a place, not an actor; a place named next to "border" or "frontier" is where something
/// happens near, not in.
/// </summary>
public sealed class ArticleEntities
{
    private static readonly HashSet<string> LocativeWords = new(StringComparer.Ordinal)
    {
        "in", "to", "into", "from", "across", "inside", "at", "near", "throughout", "within", "toward", "towards",
        "through", "around", "outside", "across", "over", "out", "back", "leav", "left", "enter", "invad", "invas",
    };

    private static readonly HashSet<string> BorderStems = new(StringComparer.Ordinal)
    {
        "border", "frontier", "neighbor", "neighbour", "neighbour", "cross-bord", "bordersid",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "capit", "capital", "provinc", "provinci", "citi", "town", "villag", "soil", "territori", "countrysid", "mountain",
        "district", "region", "valley", "highway", "airport", "airfield", "base", "hill", "desert", "south", "north", "east",
        "west", "interior", "land",
    };

    /// <summary>Recognises entities with the offline gazetteer.</summary>
    public ArticleEntities(AnalyzedDocument document, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        Document = document ?? throw new ArgumentNullException(nameof(document));
        Mentions = gazetteer.Recognize(document);
    }

    /// <summary>The analysed article.</summary>
    public AnalyzedDocument Document { get; }

    /// <summary>All mentions, in text order for the gazetteer's, external ones appended.</summary>
    public List<EntityMention> Mentions { get; }

    /// <summary>Adds mentions from an external recogniser, skipping those overlapping a gazetteer mention.</summary>
    public void Merge(IEnumerable<EntityMention> external)
    {
        ArgumentNullException.ThrowIfNull(external);
        foreach (var mention in external)
        {
            var overlaps = Mentions.Any(m => m.FirstToken <= mention.LastToken && mention.FirstToken <= m.LastToken
                && (m.Entry.Kind == mention.Entry.Kind || m.Entry.CountryCode == mention.Entry.CountryCode));
            if (!overlaps)
            {
                Mentions.Add(mention);
            }
        }
    }

    /// <summary>Position of a mention's first token.</summary>
    public int PositionOf(EntityMention mention) => Document.Tokens[mention.FirstToken].Position;

    /// <summary>Whether the mention is named as a destination or location ("in Afghanistan", "to Kabul").</summary>
    public bool IsLocative(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        for (var i = mention.FirstToken - 1; i >= Math.Max(0, mention.FirstToken - 2); i--)
        {
            var token = Document.Tokens[i];
            if (LocativeWords.Contains(token.Stem) || LocativeWords.Contains(token.Surface))
            {
                return true;
            }

            // A list of places shares its preposition: "in Pakistan, Iran and India".
            if (MentionEndingAt(i) is { } previous && previous.Entry.Kind is EntityKind.Country or EntityKind.City)
            {
                return IsLocative(previous);
            }

            if (!token.IsStopWord && token.Surface is not ("the" or "southern" or "northern" or "eastern" or "western" or "central"))
            {
                break;
            }
        }

        return false;
    }

    private EntityMention? MentionEndingAt(int tokenIndex)
    {
        foreach (var mention in Mentions)
        {
            if (mention.LastToken == tokenIndex)
            {
                return mention;
            }
        }

        return null;
    }

    /// <summary>Whether the mention names a border area ("the Afghan border", "frontier with Afghanistan").</summary>
    public bool IsBorderContext(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var tokens = Document.Tokens;
        var from = Math.Max(0, mention.FirstToken - 3);
        var to = Math.Min(tokens.Count - 1, mention.LastToken + 2);
        for (var i = from; i <= to; i++)
        {
            if (i >= mention.FirstToken && i <= mention.LastToken)
            {
                continue;
            }

            if (BorderStems.Contains(tokens[i].Stem) || tokens[i].Surface.Contains("border", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a mention locates the article in its country: a country or city name, or a nationality word that
    /// qualifies a place ("the Afghan capital", "Afghan soil"). A bare nationality ("Afghan refugees in Pakistan")
    /// says who, not where.
    /// </summary>
    public bool IsPlaceMention(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (IsBorderContext(mention))
        {
            return false;
        }

        if (mention.Entry.Kind != EntityKind.Nationality)
        {
            return mention.Entry.Kind is EntityKind.Country or EntityKind.City or EntityKind.Other;
        }

        var next = mention.LastToken + 1;
        if (next < Document.Tokens.Count && PlaceNouns.Contains(Document.Tokens[next].Stem))
        {
            return true;
        }

        // With no other place named, "Afghan and US-led troops" is the only clue to where the story happens.
        return !Mentions.Any(m => m.Entry.CountryCode != mention.Entry.CountryCode
            && (m.Entry.Kind == EntityKind.City || (m.Entry.Kind == EntityKind.Country && IsLocative(m))));
    }

    /// <summary>Display text of a mention as written.</summary>
    public string TextOf(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var first = Document.Tokens[mention.FirstToken];
        var last = Document.Tokens[mention.LastToken];
        var text = Document.IsTitle(first.Position) ? Document.Title : Document.Body;
        return text[first.Start..last.End];
    }
}
