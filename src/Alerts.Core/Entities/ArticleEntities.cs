using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Alerts.Core.Text;

namespace Alerts.Core.Entities;

/// <summary>
/// The entities of one analysed article with the context that decides their role: a country named right after
/// "in", "to" or "from" is a place, not an actor; a place named next to "border" or "frontier" is where something
/// happens near, not in.
/// </summary>
public sealed partial class ArticleEntities
{
    private static readonly HashSet<string> LocativeWords = new(StringComparer.Ordinal)
    {
        "in", "to", "into", "from", "across", "inside", "at", "near", "throughout", "within", "toward", "towards",
        "through", "around", "outside", "across", "over", "out", "back", "leav", "left", "enter", "invad", "invas",
    };

    // Words after which "to" names an opponent, not a destination: "loss to Argentina", "fell to Brazil".
    private static readonly HashSet<string> ContestWords = TextAnalyzer.StemsOf("loss losses lose loses losing lost fall falls fell bow bows bowed succumb succumbs succumbed");

    // People named by where they come from: "the first medallist from the United Arab Emirates", "troops from Poland"
    // say who, not where the story happens.
    private static readonly HashSet<string> PeopleNouns = TextAnalyzer.StemsOf(
        "people man men woman women boy boys girl girls child children family families citizen citizens national nationals "
        + "athlete athletes medallist medallists medalist medalists champion champions player players team teams swimmer "
        + "swimmers runner runners rider riders driver drivers boxer boxers wrestler wrestlers gymnast gymnasts "
        + "troops soldiers forces workers engineers journalists reporters diplomats envoy envoys delegation delegates "
        + "official officials minister ministers leader leaders students tourists visitors pilgrims immigrants migrants "
        + "refugees experts scientists doctors volunteers contractors hostages fans company companies firm firms");

    // After these, "over" gives the cause or the subject, not a place: "resign over Gaza", "row over Iraq".
    private static readonly HashSet<string> CauseWords = TextAnalyzer.StemsOf(
        "resign resigns resigned quit quits row rows rift dispute disputes feud spat split splits clash clashes protest "
        + "protests anger fear fears worry worries concern concerns tension tensions standoff talks deal pact sanctions "
        + "warns warned warning accused criticised criticized criticism probe divided divisions victory win wins lead");

    // What comes from a country that reacts to a story told elsewhere: "objections to the tribunal from the United States".
    private static readonly HashSet<string> ObjectionWords = TextAnalyzer.StemsOf(
        "objection objections opposition criticism criticisms condemnation complaint complaints resistance pressure "
        + "protest protests support");

    // Verbs of stance whose doer, after "by", takes a side on a story told elsewhere: "Opposed by U.S.".
    private static readonly HashSet<string> StanceVerbs = TextAnalyzer.StemsOf(
        "opposed backed supported criticised criticized condemned rejected welcomed praised endorsed resisted challenged "
        + "disputed questioned vetoed favoured favored urged demanded");

    // Leaving a place, which "from" then names: "the pullout from Gaza", "a withdrawal from Iraq".
    private static readonly HashSet<string> DepartureWords = TextAnalyzer.StemsOf(
        "pullout withdrawal exit departure retreat evacuation expulsion deportation return flight exodus imports exports");

    // What people do somewhere for a cause that happens elsewhere: "Thousands march in Ottawa for the engineers".
    private static readonly HashSet<string> ReactionWords = TextAnalyzer.StemsOf(
        "demonstrate demonstrates demonstration demonstrators march marches marched rally rallies protest protests protesters "
        + "vigil vigils pray prays prayers mourn mourns gather gathers plead pleads appeal appeals");

    // Gatherings whose venue is not what they are about: "walk out of talks in Nigeria", "summit in Abuja". Matched as
    // written: the verb "talk" or "negotiators" are no gathering.
    private static readonly HashSet<string> GatheringWords = new(StringComparer.Ordinal)
    {
        "talks", "negotiations", "summit", "summits", "conference", "conferences",
    };

    private static readonly HashSet<string> BorderStems = new(StringComparer.Ordinal)
    {
        "border", "frontier", "neighbor", "neighbour", "neighbour", "cross-bord", "bordersid",
    };

    private static readonly HashSet<string> PlaceNouns = new(StringComparer.Ordinal)
    {
        "capit", "capital", "provinc", "provinci", "citi", "town", "villag", "soil", "territori", "countrysid", "mountain",
        "district", "region", "valley", "highway", "airport", "airfield", "base", "hill", "desert", "south", "north", "east",
        "west", "interior", "land", "stronghold", "bastion", "enclav", "port", "heartland",
    };

    // How far after a sentence's subject its verb of saying may stand: "British Prime Minister Tony Blair told".
    private const int SourceReach = 6;

    // Verbs by which a sentence's subject reports what others did (stems).
    private static readonly HashSet<string> ReportingVerbs = new(StringComparer.Ordinal)
    {
        "said", "say", "report", "told", "tell", "claim", "accus", "alleg", "suspect", "believ", "fear", "quot", "announc",
        "warn", "deni", "confirm", "insist", "admit", "acknowledg", "predict", "estim", "describ",
    };

    // Words that put a place next to a border rather than on it: "provinces near the frontier", "districts along the border".
    private static readonly HashSet<string> BesideWords = new(StringComparer.Ordinal)
    {
        "near", "along", "alongsid", "close", "adjac", "adjoin", "next", "by", "on",
    };

    // Words that qualify a border without changing what it is: "the rugged eastern frontier", "its own border".
    private static readonly HashSet<string> BorderQualifiers = new(StringComparer.Ordinal)
    {
        "the", "its", "their", "own", "to", "rug", "rugged", "porous", "mountain", "mountainous", "long", "common",
        "shared", "share", "southern", "northern", "eastern", "western", "southeastern", "southwestern", "northeastern",
        "northwestern", "south", "north", "east", "west",
    };

    // What a nationality or country can name as an area: "Afghan provinces", "Pakistan's tribal districts".
    private static readonly HashSet<string> AreaNouns = new(StringComparer.Ordinal)
    {
        "provinc", "provinci", "region", "area", "district", "part", "zone", "territori", "town", "villag", "citi",
        "valley", "mountain", "hill", "countrysid", "land",
    };

    // One reading per document, shared by every topic scored against it: the constraints and a query's place: terms.
    private static readonly ConditionalWeakTable<AnalyzedDocument, ArticleEntities> Shared = new();

    /// <summary>The offline recogniser's entities of a document, read once and shared by every topic scored against it.</summary>
    public static ArticleEntities Of(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Shared.GetValue(document, d => new ArticleEntities(d, Gazetteer.Default));
    }

    /// <summary>Recognises entities with the offline gazetteer.</summary>
    public ArticleEntities(AnalyzedDocument document, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        Document = document ?? throw new ArgumentNullException(nameof(document));
        // The headline's closing credit names who sent the story ("(China Daily)"), no place it happens in.
        Mentions = gazetteer.Recognize(document);
        Mentions.RemoveAll(mention => document.IsInHeadlineCredit(document.Tokens[mention.FirstToken]));
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

    /// <summary>
    /// Where the words naming a place begin, with "the" and a direction before it ("the northern Gaza Strip"): how far
    /// a place stands from other words is counted from there.
    /// </summary>
    public int PhrasePositionOf(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var first = mention.FirstToken;
        while (first > 0 && first > mention.FirstToken - 2 && IsTheOrDirection(Document.Tokens[first - 1]) && SameClause(first - 1, mention.FirstToken))
        {
            first--;
        }

        return Document.Tokens[first].Position;
    }

    /// <summary>Whether the mention is named as a destination or location ("in Afghanistan", "to Kabul").</summary>
    public bool IsLocative(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        // The preposition stands at most two words away, three past an article or a direction and what may precede it
        // ("in the northern Gaza Strip", "in Russia and the United States", "out of the United States"), in one
        // sentence; a direction "of" a place is where too ("north of Baghdad", "in the east of Congo").
        var reach = mention.FirstToken >= 2 && IsArticleOrDirection(Document.Tokens[mention.FirstToken - 1])
            && (IsArticleOrDirection(Document.Tokens[mention.FirstToken - 2]) || Document.Tokens[mention.FirstToken - 2].Surface is "and" or "or" or "of") ? 3 : 2;
        for (var i = mention.FirstToken - 1; i >= Math.Max(0, mention.FirstToken - reach) && SameSentence(i, mention.FirstToken); i--)
        {
            var token = Document.Tokens[i];
            if (LocativeWords.Contains(token.Stem) || LocativeWords.Contains(token.Surface))
            {
                return !IsNotWhere(i);
            }

            if (token.Surface == "of" && i > 0 && Directions.Contains(Document.Tokens[i - 1].Surface))
            {
                return true;
            }

            // A list of places shares its preposition: "in Pakistan, Iran and India". Not across a headline's end or a
            // dateline's dash: in "80 Killed in U.S. Offensive in Iraq" / "SAMARRA, Iraq - U.S. and Iraqi forces
            // launched", the body's "U.S." starts a sentence of its own.
            if (mention.Entry.IsPlace && MentionEndingAt(i) is { } previous && previous.Entry.Kind is EntityKind.Country or EntityKind.City or EntityKind.Subdivision
                && SameList(previous.LastToken, mention.FirstToken))
            {
                return IsLocative(previous);
            }

            if (!IsFillerBeforePlace(token))
            {
                break;
            }
        }

        return false;
    }

    // Prepositions that do not say where: an opponent or an origin ("edge out Brazil" (only "out of Iraq" is a place),
    // "loss to Argentina", "medallist from the United Arab Emirates"), a cause ("Threat to Resign Over Gaza", "row over
    // Iraq"; "jets over Gaza", "hurricane roars over Bahamas" are there), support or a step back ("Bush backs Iraq
    // vote", "Egypt steps back on Gaza plan"; "back to Iraq" is a place).
    private bool IsNotWhere(int preposition)
    {
        var tokens = Document.Tokens;
        var before = preposition > 0 ? tokens[preposition - 1].Stem : string.Empty;
        var after = preposition + 1 < tokens.Count ? tokens[preposition + 1].Surface : string.Empty;
        return tokens[preposition].Surface switch
        {
            "out" => after != "of",
            "to" => ContestWords.Contains(before),
            "from" => PeopleNouns.Contains(before),
            "over" => CauseWords.Contains(before),
            "back" => after is "on" or "off" or "down" or "away",
            "backs" or "backed" or "backing" => true,
            _ => false,
        };
    }

    /// <summary>
    /// Whether the mention is the direction "western" of a place, not Western (foreign) forces: before a place ("western
    /// Baghdad"; not "Western Baghdad-based diplomats"), a nationality ("the western Afghan province"), a word for an
    /// area ("the western city of Herat") or another direction ("western and central Africa").
    /// </summary>
    public bool IsDirection(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var tokens = Document.Tokens;
        var next = mention.LastToken + 1;
        if (mention.FirstToken != mention.LastToken || tokens[mention.FirstToken].Surface != "western" || next >= tokens.Count || !SameClause(mention.LastToken, next))
        {
            return false;
        }

        if (Mentions.FirstOrDefault(m => m.FirstToken == next) is { } named)
        {
            var text = Document.TextOf(tokens[named.LastToken]);
            var based = text.AsSpan(tokens[named.LastToken].End).StartsWith("-based", StringComparison.OrdinalIgnoreCase);
            return named.Entry.Kind is EntityKind.Country or EntityKind.City or EntityKind.Subdivision or EntityKind.Nationality && !based;
        }

        return AreaNouns.Contains(tokens[next].Stem)
            || (tokens[next].Surface == "and" && next + 1 < tokens.Count && Directions.Contains(tokens[next + 1].Surface));
    }

    // Words of a direction ("western" is read apart: it may also name Western forces).
    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal)
    {
        "northern", "southern", "eastern", "central", "northeastern", "northwestern", "southeastern", "southwestern",
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    };

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

    /// <summary>
    /// Whether the mention names a border area: "the Afghan border", "frontier with Afghanistan", or a place named as
    /// lying near the border ("Afghan provinces near the frontier").
    /// </summary>
    public bool IsBorderContext(EntityMention mention) => IsNextToBorderWord(mention) || IsNamedNearBorder(mention);

    /// <summary>
    /// Whether the mention is a place qualified, in the same sentence, as lying near a border: "Afghan provinces near
    /// the frontier", "Afghanistan's districts along the border". Such a place may be where something happens, or
    /// only the far side of a border the story is about; the scorer decides from what the matched words are
    /// attached to.
    /// </summary>
    public bool IsNamedNearBorder(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var tokens = Document.Tokens;
        var i = mention.LastToken + 1;
        if (i < tokens.Count && AreaNouns.Contains(tokens[i].Stem))
        {
            i++;
        }

        if (i >= tokens.Count || !BesideWords.Contains(tokens[i].Stem) || !SameSentence(mention.LastToken, i))
        {
            return false;
        }

        for (var k = i + 1; k < tokens.Count && k <= i + 4; k++)
        {
            if (IsBorderWord(tokens[k]))
            {
                return SameSentence(i, k);
            }

            // "near the Pakistani border": the neighbour's name qualifies the border too.
            var named = Mentions.Any(m => m.FirstToken <= k && k <= m.LastToken && m.Entry.Kind is EntityKind.Country or EntityKind.Nationality);
            if (!named && !BorderQualifiers.Contains(tokens[k].Stem) && !BorderQualifiers.Contains(tokens[k].Surface))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a mention has the shape of a place, whatever border wording surrounds it: a country or city name, or a
    /// nationality that qualifies a place noun ("the Afghan capital") or is the only geographic clue.
    /// </summary>
    public bool HasPlaceShape(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (mention.Entry.Kind != EntityKind.Nationality)
        {
            return mention.Entry.IsPlace;
        }

        if (QualifiesPlaceNoun(mention))
        {
            return true;
        }

        // With no other place named, "Afghan and US-led troops" is the only clue to where the story happens.
        return !Mentions.Any(m => m.Entry.CountryCode != mention.Entry.CountryCode
            && (m.Entry.SaysWhereNamedBare || (m.Entry.IsCountryOrNation && IsLocative(m))));
    }

    private static bool IsBorderWord(AnalyzedToken token) =>
        BorderStems.Contains(token.Stem) || token.Surface.Contains("border", StringComparison.Ordinal);

    /// <summary>Whether two tokens stand in one clause: one sentence, and no comma, colon or spaced dash between them.</summary>
    public bool SameClause(int firstToken, int secondToken)
    {
        if (!SameSentence(firstToken, secondToken))
        {
            return false;
        }

        var between = TextBetween(firstToken, secondToken);
        return between.IndexOfAny(",:") < 0 && !IsSpacedDash(between);
    }

    // Two tokens that can be items of one list: in one sentence ("in the U.S. and Canada", "in Fla., Ohio"; not "in
    // Iraq. Poland will"), no spaced dash between, joined by a comma, "and" or "or" ("Baghdad as US troops" is no list).
    private bool SameList(int firstToken, int secondToken)
    {
        if (!SameSentence(firstToken, secondToken))
        {
            return false;
        }

        var between = TextBetween(firstToken, secondToken);
        return !IsSpacedDash(between) && ListJoint().IsMatch(between);
    }

    [GeneratedRegex(@"^\.?\s*(?:,|,?\s*(?:and|or|&)\b)?\s*(?:the\s+)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ListJoint();

    // " - ", " -- ", " – ", " — ": a dash set off by spaces ends a dateline or an aside.
    private static bool IsSpacedDash(ReadOnlySpan<char> between) => SpacedDash().IsMatch(between);

    [GeneratedRegex(@"\s[-\u2013\u2014]+\s", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDash();

    // Whether two tokens are in one sentence: both in the headline (one sentence: its full stops close abbreviations,
    // "Storms In U.S. And Canada") or both in the body, and no question mark, exclamation mark, semicolon or full stop
    // before a capital between them ("in the east. Congo said" is two; "in the U.S. and Canada", "Fla., Ohio" one).
    /// <summary>
    /// Whether the mention, with at most "the" before it, opens a sentence of the body ("The Iraqi government rushed
    /// reinforcements...", "BAGHDAD (Reuters) - U.S. troops stormed..."): the sentence's subject, unless it only reports
    /// what others did.
    /// </summary>
    public bool OpensBodySentence(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var first = mention.FirstToken;
        if (first < Document.TitleTokenCount || IsInDateline(mention) || IsSource(mention))
        {
            return false;
        }

        var before = first - 1;
        if (before >= Document.TitleTokenCount && Document.Tokens[before].Surface == "the")
        {
            before--;
        }

        if (before < Document.TitleTokenCount)
        {
            return true;
        }

        var between = TextBetween(before, first);
        return between.Contains(" - ", StringComparison.Ordinal) || between.Contains("--", StringComparison.Ordinal)
            || between.Contains('\u2014') || !SameSentence(before, first);
    }

    // A subject that reports rather than acts: "Iraqi health officials said American airstrikes killed 44", "Iraqi Prime
    // Minister Iyad Allawi said...".
    private bool IsSource(EntityMention mention)
    {
        for (var next = mention.LastToken + 1; next < Document.Tokens.Count && next <= mention.LastToken + SourceReach && SameClause(mention.LastToken, next); next++)
        {
            // Read by the word's base, so every form counts: "estimated" is of the -ate family ("estim~ate").
            if (ReportingVerbs.Contains(TextAnalyzer.BaseOf(Document.Tokens[next].Stem)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two tokens stand in one sentence of the same headline or body.</summary>
    internal bool SameSentence(int firstToken, int secondToken)
    {
        var (a, b) = (Document.Tokens[firstToken], Document.Tokens[secondToken]);
        if (Document.IsTitle(a.Position) != Document.IsTitle(b.Position))
        {
            return false;
        }

        var between = TextBetween(firstToken, secondToken);
        if (between.IndexOfAny("?!;") >= 0)
        {
            return false;
        }

        // The second token's first letter tells a sentence's start from an abbreviation's full stop.
        return Document.IsTitle(a.Position) || !SentenceStop().IsMatch(Document.Body.AsSpan(a.End, Math.Max(0, Math.Min(b.Start + 1, b.End) - a.End)));
    }

    [GeneratedRegex(@"\.\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex SentenceStop();

    // The text between two tokens of the same headline or body.
    private ReadOnlySpan<char> TextBetween(int firstToken, int secondToken)
    {
        var (a, b) = (Document.Tokens[firstToken], Document.Tokens[secondToken]);
        return Document.TextOf(a).AsSpan(a.End, Math.Max(0, b.Start - a.End));
    }

    /// <summary>Whether a border word stands right next to the mention ("the Afghan border", "frontier with Afghanistan").</summary>
    public bool IsNextToBorderWord(EntityMention mention)
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

            if (IsBorderWord(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the mention says where someone's family came from, not where anything happens nor who acts for a
    /// country: "a young Muslim of Moroccan descent", "Canadians of Ukrainian descent", "an Italian of Iraqi origin", "of
    /// Moroccan and Turkish descent" (nationalities joined by "and" or "or" share the "of"). Only people have a descent;
    /// an origin, a heritage or roots only when a word for people or a nationality stands before "of" ("beef of American
    /// origin" still names the United States). A possessive is the place's own ("Venezuela's descent into chaos").
    /// Where one was born still says who one is: "a British-born Iraqi national" held hostage is British too.
    /// </summary>
    public bool NamesAncestry(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (mention.Entry.Kind is not (EntityKind.Nationality or EntityKind.Country))
        {
            return false;
        }

        // A list of them shares its "of" and its word: "of Moroccan and Turkish descent".
        var (first, last) = (mention.FirstToken, mention.LastToken);
        while (first >= 2 && Document.Tokens[first - 1].Surface is "and" or "or" && MentionEndingAt(first - 2) is { Entry.Kind: EntityKind.Nationality or EntityKind.Country } before)
        {
            first = before.FirstToken;
        }

        while (last + 2 < Document.Tokens.Count && Document.Tokens[last + 1].Surface is "and" or "or"
            && Mentions.FirstOrDefault(m => m.FirstToken == last + 2) is { Entry.Kind: EntityKind.Nationality or EntityKind.Country } following)
        {
            last = following.LastToken;
        }

        var next = last + 1;
        if (first < 1 || next >= Document.Tokens.Count || Document.Tokens[first - 1].Surface != "of" || !SameClause(first - 1, next)
            || Document.IsPossessive(mention.LastToken))
        {
            return false;
        }

        var word = Document.Tokens[next].Stem;
        var person = first >= 2 && (PeopleNouns.Contains(Document.Tokens[first - 2].Stem) || MentionEndingAt(first - 2) is { Entry.Kind: EntityKind.Nationality });
        return DescentWords.Contains(word) || (person && OriginWords.Contains(word));
    }

    // What "of <nationality> ..." says of a person's family: "of Moroccan descent"; "of Indian origin" said of a person.
    private static readonly HashSet<string> DescentWords = TextAnalyzer.StemsOf("descent extraction ancestry parentage");
    private static readonly HashSet<string> OriginWords = TextAnalyzer.StemsOf("origin origins heritage roots");

    /// <summary>Whether the mention is a nationality word before a place noun: "the Afghan capital", "the Iraqi city of".</summary>
    public bool QualifiesPlaceNoun(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var next = mention.LastToken + 1;
        if (mention.Entry.Kind != EntityKind.Nationality || next >= Document.Tokens.Count || !SameClause(mention.LastToken, next))
        {
            return false;
        }

        // "The Afghan capital"; with a word between, only where a place's name follows ("the Iraqi insurgent bastion of
        // Fallujah", "the Afghan border town of Spin Boldak"): "Iraqi army base" may still be the army.
        return PlaceNouns.Contains(Document.Tokens[next].Stem)
            || (next + 2 < Document.Tokens.Count && SameClause(mention.LastToken, next + 2)
                && PlaceNouns.Contains(Document.Tokens[next + 1].Stem) && Document.Tokens[next + 2].Surface == "of"
                && Mentions.Any(m => m.FirstToken == next + 3 && m.Entry.IsPlace));
    }

    /// <summary>
    /// Whether a mention locates the article in its country: a country or city name, or a nationality word that
    /// qualifies a place ("the Afghan capital", "Afghan soil"). A bare nationality ("Afghan refugees in Pakistan")
    /// says who, not where.
    /// </summary>
    public bool IsPlaceMention(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return !IsBorderContext(mention) && HasPlaceShape(mention) && !NamesAncestry(mention) && !NamesWhoReacts(mention);
    }

    /// <summary>
    /// Whether a country is named only as who reacts to the story: the doer of a verb of stance in the passive ("UN Signs
    /// Pact with New World Court Opposed by U.S.", "a plan backed by the United States, was signed") or where objections
    /// or support come from ("despite objections to the tribunal from the United States", "pressure from Britain"), the
    /// country itself ending the phrase, and the countries listed after it ("from Israel and the United States"). Like
    /// a country that backs or steps back from a plan, it says who, not where the story happens. Not the doer of a deed
    /// ("executed by Iran", "hosted by Greece"), nor a place left ("pressure to withdraw troops from Iraq", "opposition
    /// to the pullout from Gaza").
    /// </summary>
    public bool NamesWhoReacts(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (mention.Entry.Kind != EntityKind.Country || IsDateline(mention))
        {
            return false;
        }

        var tokens = Document.Tokens;
        var before = mention.FirstToken - 1;
        if (before >= 0 && tokens[before].Surface == "the")
        {
            before--;
        }

        // The country itself, not a body or company it names ("released by the US Department of Commerce", "managed by
        // Australia's Macquarie Bank" say where those are).
        var next = mention.LastToken + 1;
        if (before < 1 || !SameClause(before, mention.FirstToken) || Document.IsPossessive(mention.LastToken)
            || (next < tokens.Count && SameClause(mention.LastToken, next) && !tokens[next].IsStopWord))
        {
            return false;
        }

        return tokens[before].Surface switch
        {
            "by" => StanceVerbs.Contains(tokens[before - 1].Stem),
            "from" => IsObjectionFrom(before),
            // The country before it in the list ("objections from Israel and the United States") says for both.
            "and" or "or" => MentionEndingAt(before - 1) is { Entry.Kind: EntityKind.Country } listed && NamesWhoReacts(listed),
            _ => false,
        };
    }

    // "objections from", "pressure from", or an objection to a thing ("objections to the tribunal from"), not to
    // leaving a place ("opposition to the pullout from Gaza").
    private bool IsObjectionFrom(int from)
    {
        var tokens = Document.Tokens;
        var at = from - 1;
        if (at >= 0 && ObjectionWords.Contains(tokens[at].Stem))
        {
            return true;
        }

        var thing = at;
        at--;
        if (at >= 0 && tokens[at].Surface is "the" or "a" or "an")
        {
            at--;
        }

        return at >= 1 && tokens[at].Surface is "to" or "against" && ObjectionWords.Contains(tokens[at - 1].Stem)
            && !DepartureWords.Contains(tokens[thing].Stem) && SameClause(at - 1, from);
    }

    /// <summary>
    /// Whether the mention is where people react to a story that happens elsewhere: a reaction word before it and
    /// "for" after it, or what they demand a few words on, in the same sentence ("Thousands demonstrate in Rome for
    /// Italian hostages", "Italians marched through Rome ... to demand the release of two aid workers seized in Baghdad").
    /// A reaction word the topic matched is no reaction: for a topic on protests the march is the story.
    /// </summary>
    public bool IsReactionPlace(EntityMention mention, Func<int, bool> isMatched)
    {
        ArgumentNullException.ThrowIfNull(mention);
        ArgumentNullException.ThrowIfNull(isMatched);
        var tokens = Document.Tokens;
        var reaction = false;
        for (var i = mention.FirstToken - 1; i >= Math.Max(0, mention.FirstToken - 4) && SameSentence(i, mention.FirstToken); i--)
        {
            reaction |= ReactionWords.Contains(tokens[i].Stem) && !isMatched(tokens[i].Position);
        }

        for (var i = mention.LastToken + 1; reaction && i < tokens.Count && i <= mention.LastToken + 10 && SameSentence(mention.LastToken, i); i++)
        {
            if ((tokens[i].Surface == "for" && i <= mention.LastToken + 3) || NamesWhatIsDemanded(tokens, i))
            {
                return true;
            }
        }

        return false;
    }

    // A rally's demand that someone be freed, a few words after where it marched: "through Rome in a candlelit
    // procession on Friday to demand the release", "demanding the freedom", "calling for the release", "urging
    // them to free". Demands of its own ("demanding full democracy", "urging them to vote") make the rally the story.
    private static bool NamesWhatIsDemanded(IReadOnlyList<AnalyzedToken> tokens, int i)
    {
        var demands = tokens[i].Surface is "demanding" or "urging"
            || (tokens[i].Surface == "demand" && tokens[i - 1].Surface == "to")
            || (tokens[i].Surface == "calling" && i + 1 < tokens.Count && tokens[i + 1].Surface == "for");
        for (var next = i + 1; demands && next < tokens.Count && next <= i + 4; next++)
        {
            if (tokens[next].Surface is "release" or "free" or "freedom" or "return")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the mention is only the venue of a gathering about something else: "in" or "at" before it (perhaps with
    /// "the" or "northern" between), and talks, a summit or a conference named up to five words before that, in the
    /// same clause ("Rebels walk out of talks in Nigeria", "Darfur talks resume in northern Nigeria"; not "After talks
    /// fail, rebels attack in Nigeria").
    /// </summary>
    public bool IsGatheringVenue(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var tokens = Document.Tokens;
        var preposition = mention.FirstToken - 1;
        while (preposition >= 0 && preposition >= mention.FirstToken - 3 && tokens[preposition].Surface is not ("in" or "at") && IsFillerBeforePlace(tokens[preposition]))
        {
            preposition--;
        }

        if (preposition < 0 || tokens[preposition].Surface is not ("in" or "at"))
        {
            return false;
        }

        for (var i = preposition - 1; i >= Math.Max(0, preposition - 5) && SameClause(i, mention.FirstToken); i--)
        {
            if (GatheringWords.Contains(tokens[i].Surface))
            {
                return true;
            }
        }

        return false;
    }

    // Words that may stand between a preposition and a place: "in the north of", "in northern Nigeria".
    private static bool IsFillerBeforePlace(AnalyzedToken token) => token.IsStopWord || IsTheOrDirection(token);

    // "The" and the words of a direction, which may stand between a preposition and a place.
    private static bool IsTheOrDirection(AnalyzedToken token) => token.Surface == "the" || token.Surface == "western" || Directions.Contains(token.Surface);

    // An article, a possessive or a direction: "a southern Chinese town", "their central Baghdad villa".
    private static bool IsArticleOrDirection(AnalyzedToken token) =>
        IsTheOrDirection(token) || token.Surface is "a" or "an" or "its" or "their" or "his" or "her";

    /// <summary>
    /// Whether the mention sits in an aside about someone, a clause set off by a comma and "who", "whose" or "which":
    /// in "Kirsty Coventry of Zimbabwe, who swims at Auburn University in Alabama, earned the silver" Alabama is
    /// background, not where the race was.
    /// </summary>
    public bool IsInAside(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var token = Document.Tokens[mention.FirstToken];
        var text = Document.TextOf(token);
        var clause = text.AsSpan(0, Math.Min(token.Start, text.Length));
        var comma = clause.LastIndexOfAny(",.;!?");
        if (comma < 0 || clause[comma] != ',')
        {
            return false;
        }

        var aside = clause[(comma + 1)..].TrimStart();
        return aside.StartsWith("who ", StringComparison.Ordinal) || aside.StartsWith("whose ", StringComparison.Ordinal)
            || aside.StartsWith("which ", StringComparison.Ordinal);
    }

    /// <summary>Whether the mention opens the body as a dateline ("KABUL (Reuters) -", "AUSTIN, Texas --").</summary>
    public bool IsDateline(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return Gazetteer.IsDateline(Document, mention.FirstToken, mention.LastToken);
    }

    /// <summary>
    /// Whether the mention is the dateline or the place that qualifies it after a comma ("BAGHDAD, Iraq --",
    /// "GUANTANAMO BAY NAVAL BASE, Cuba Aug. 26, 2004 -", also after a byline or the source's name): where the story
    /// was filed. The qualifier follows a name in capitals and a comma, and a parenthesis or dash follows it, perhaps
    /// after a date ("U.S., Britain agree..." is no dateline).
    /// </summary>
    public bool IsInDateline(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        if (IsDateline(mention))
        {
            return true;
        }

        if (mention.FirstToken < Document.TitleTokenCount)
        {
            return false;
        }

        var text = Document.Body.AsSpan();
        var before = text[..Document.Tokens[mention.FirstToken].Start];
        var after = text[Document.Tokens[mention.LastToken].End..];
        if (DatelineHead().IsMatch(before) && DatelineTail().IsMatch(after))
        {
            return true;
        }

        // Some services do not write datelines in capitals ("Bucharest, Romania (Sports Network) -"): then the body opens
        // with a town or region, a comma and the qualifier, and a parenthesis, a spaced dash or a colon follows.
        return MentionEndingAt(mention.FirstToken - 1) is { Entry.Kind: EntityKind.City or EntityKind.Subdivision } town
            && Contains(mention.Entry, town.Entry)
            && town.FirstToken == Document.TitleTokenCount
            && text[..Document.Tokens[town.FirstToken].Start].IsWhiteSpace()
            && text[Document.Tokens[town.LastToken].End..Document.Tokens[mention.FirstToken].Start].Trim().SequenceEqual(",")
            && MixedCaseDatelineTail().IsMatch(after);
    }

    // Whether a place lies in another: its country, or its own subdivision ("Bucharest, Romania"; not "Madrid, Barcelona").
    private static bool Contains(GazetteerEntry outer, GazetteerEntry inner) =>
        outer.CountryCode == inner.CountryCode
        && (outer.Kind == EntityKind.Country || (outer.Kind == EntityKind.Subdivision && inner.LiesInSubdivision(outer.Id)));

    // A name in capitals and a comma, just before the qualifier: "GUANTANAMO BAY NAVAL BASE, ".
    [GeneratedRegex(@"(?:^|[^\p{L}])[A-Z][A-Z.'&\- ]*[A-Z.],\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineHead();

    // A dateline's date after the qualifier, if any: " Aug. 26, 2004", ", Nov 2".
    private const string DatelineDate = @"^\s*(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*)?";

    // After a dateline not in capitals: perhaps a date, then a parenthesis, a dash set off by a space, or a colon.
    [GeneratedRegex(DatelineDate + @"(?:\(|[-\u2013\u2014]+\s|:)", RegexOptions.CultureInvariant)]
    private static partial Regex MixedCaseDatelineTail();

    // After the qualifier, perhaps a date, then the dateline's parenthesis, dash or colon: " Aug. 26, 2004 - ",
    // ", Nov 2 (AFP) -", " (Reuters)", " : ".
    [GeneratedRegex(DatelineDate + @"(?:\(|-|\u2013|\u2014|:)", RegexOptions.CultureInvariant)]
    private static partial Regex DatelineTail();

    /// <summary>Display text of a mention as written.</summary>
    public string TextOf(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var first = Document.Tokens[mention.FirstToken];
        var last = Document.Tokens[mention.LastToken];
        var text = Document.TextOf(first);
        // Initials keep their last full stop, which the sentence may have taken as its own: "U.S.", not "U.S".
        var end = last.End < text.Length && text[last.End] == '.' && last.End >= 2 && text[last.End - 2] == '.' ? last.End + 1 : last.End;
        return text[first.Start..end];
    }
}
