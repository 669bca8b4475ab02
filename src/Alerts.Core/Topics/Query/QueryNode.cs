using Alerts.Core.Entities;
using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>Where a query clause may match.</summary>
public enum FieldScope
{
    /// <summary>Title or body.</summary>
    Any,

    /// <summary>Title only (<c>title:</c>).</summary>
    Title,
}

/// <summary>A matched span of positions in an analysed document.</summary>
/// <param name="From">First position.</param>
/// <param name="To">Last position (inclusive).</param>
public readonly record struct QueryHit(int From, int To);

/// <summary>
/// The words an article must contain for a query to possibly match: any one of <see cref="Terms"/> (stems), a
/// word starting with any of <see cref="Prefixes"/>, or a place in any of the countries <see cref="Countries"/>
/// (for <c>place:</c>). Used by the presearcher index.
/// </summary>
/// <param name="Terms">Stems.</param>
/// <param name="Prefixes">Lower-case folded prefixes.</param>
/// <param name="Countries">Country codes: an article naming a place in one of them meets the requirement.</param>
public sealed record RequiredKeys(IReadOnlyList<string> Terms, IReadOnlyList<string> Prefixes, IReadOnlyList<string>? Countries = null)
{
    // A country is named by many articles, and reading an article's places costs more than looking up its words: a
    // topic is filed under its places only when it requires no word.
    private const double CountryCost = 20;

    /// <summary>Country codes (empty when the requirement is words only).</summary>
    public IReadOnlyList<string> Countries { get; init; } = Countries ?? [];

    /// <summary>Rough cost of looking these up: more and shorter keys make more candidates.</summary>
    public double Cost => Terms.Sum(TermCost) + Prefixes.Sum(p => 3 * TermCost(p)) + (Countries.Count * CountryCost);

    private static double TermCost(string term) =>
        CommonStems.Contains(term) ? 20 : 1 + (8.0 / Math.Max(1, term.Length));

    // Words so frequent in news that a topic keyed on them would be verified against most articles.
    private static readonly HashSet<string> CommonStems = new(StringComparer.Ordinal)
    {
        "said", "say", "year", "new", "report", "state", "govern", "offici", "peopl", "time", "week", "first",
        "two", "one", "would", "could", "after", "over", "percent", "compani", "market", "world", "reuter", "ap",
        "last", "presid", "united", "day", "month", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
        "sunday", "group", "countri", "nation", "million", "billion", "plan", "three", "make", "take", "may", "u.",
    };
}

/// <summary>A parsed topic query. Nodes are immutable and thread-safe.</summary>
public abstract class QueryNode
{
    private protected QueryNode(FieldScope scope) => Scope = scope;

    /// <summary>Field scope of this clause.</summary>
    public FieldScope Scope { get; }

    /// <summary>Kind label used in evidence: term, phrase, prefix, near, or, and, not.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether the clause matches; adds the spans it matched to <paramref name="hits"/>.</summary>
    public abstract bool Evaluate(AnalyzedDocument document, List<QueryHit> hits);

    /// <summary>Words one of which any matching article must contain; null when none can be required.</summary>
    public RequiredKeys? GetRequiredKeys()
    {
        RequiredKeys? best = null;
        foreach (var keys in GetRequiredKeySets())
        {
            best = best is null || keys.Cost < best.Cost ? keys : best;
        }

        return best;
    }

    /// <summary>
    /// Every requirement a matching article must meet, each as "one of these words": a phrase requires each of its
    /// words, an AND each of its clauses. The presearcher uses the two cheapest. Empty when nothing is required.
    /// </summary>
    public abstract IReadOnlyList<RequiredKeys> GetRequiredKeySets();

    /// <summary>The clause in canonical query syntax.</summary>
    public abstract override string ToString();

    private protected bool InScope(AnalyzedDocument document, int position) =>
        Scope == FieldScope.Any || document.IsTitle(position);

    private protected string ScopePrefix => Scope == FieldScope.Title ? "title:" : string.Empty;
}

/// <summary>
/// One word, matched by its stem; a name (see <see cref="QueryParser"/>) only in its own forms, so that "Mars" finds
/// Mars but not "marred" or "Del Mar", and so a word written in capitals ("OLED" finds OLEDs, not "Ole").
/// </summary>
public sealed class TermNode(string stem, string written, FieldScope scope, IReadOnlySet<string>? nameForms = null, string? acronym = null, bool isOtherSpelling = false, bool needsCapital = false, IReadOnlySet<string>? capitalsForms = null, string? capitalsSingular = null, bool needsPossessive = false, bool capitalsOnly = false) : QueryNode(scope)
{
    /// <summary>The stem matched.</summary>
    public string Stem { get; } = stem;

    /// <summary>
    /// The stems looked up: <see cref="Stem"/>, and for a word in capitals the stems of its other forms, which the
    /// stemmer may keep apart ("DVD" and "dvds").
    /// </summary>
    public IReadOnlyList<string> SearchedStems { get; } =
        capitalsForms is null ? [stem] : [stem, .. capitalsForms.Select(TextAnalyzer.Stem).Where(s => s != stem).Distinct()];

    /// <summary>
    /// Whether a mention followed by a competition's word ("Nextel Cup") is passed over: set by the parser for names
    /// (a capital, then lower case) that are no place or people (<c>China</c> in "the China Open" finds it, and so do
    /// words in capitals, often the body that runs the competition: "PGA Championship"). Not before a competition
    /// word the query asks for (<see cref="CompetitionStemsAsked"/>).
    /// </summary>
    public bool SkipsCompetitionNames { get; internal set; }

    /// <summary>
    /// The stems of the competition words the query asks for (<c>Ryder Cup</c>, <c>"US Open"</c>): a name before one
    /// of them is found, before any other passed over ("Ryder Cup" OR Allstate still passes over "the Allstate Bowl").
    /// </summary>
    public IReadOnlySet<string> CompetitionStemsAsked { get; internal set; } = NoStems;

    // Most terms ask for no competition word: they share one empty set (queries hold 10,000s of terms).
    private static readonly IReadOnlySet<string> NoStems = new HashSet<string>();

    /// <summary>The word as the query wrote it (in quotes when it was quoted).</summary>
    public string Written { get; } = written;

    /// <summary>For a name: the folded forms it matches (see <see cref="FormsOfName"/>); null for an ordinary word.</summary>
    public IReadOnlySet<string>? NameForms { get; } = nameForms;

    /// <summary>
    /// Whether the query names someone or something with it: a name, or a word asked for in one form that the query
    /// writes with a capital (<c>#Angels</c>, a team; not <c>#texting</c>, which matches one form but names nobody).
    /// </summary>
    public bool IsName => NameForms is not null && !(Written.Length > 1 && Written[0] == '#' && !char.IsUpper(Written[1]));

    /// <summary>
    /// For an acronym written in capitals (<c>AIDS</c>, <c>IT</c>): the folded word, which matches only as itself and
    /// where the article writes it in capitals too, or its plural with a small s ("PINs" for <c>PIN</c>); null otherwise.
    /// </summary>
    public string? Acronym { get; } = acronym;

    /// <summary>
    /// For a word written in capitals that is no everyday word ("OLED", "NATO", "SUVs"): the folded forms it matches,
    /// itself and its plural, in any case; null otherwise. Stemming would take it for other words ("OLED" and "Ole"
    /// share the stem "ole"), and an abbreviation has no inflections but its plural. Not a name of the query's for the
    /// constraints: they read capitals as a name only where the article writes them so (see
    /// <see cref="QueryParser.CapitalNamesIn"/>).
    /// </summary>
    public IReadOnlySet<string>? CapitalsForms { get; } = capitalsForms;

    /// <summary>
    /// Whether it matches only where the article writes it with "'s": a name the query quotes so is a company's
    /// ("\"Denny's\"", "\"Wendy's\""), not the people called Denny or Wendy.
    /// </summary>
    public bool NeedsPossessive { get; } = needsPossessive;

    /// <summary>
    /// For a word in capitals of four letters or more ending in a capital S ("SUVS", "SARS"): the form without it, which
    /// counts only where the article writes it in capitals too ("SUV", not "sar" for "SARS"); null otherwise.
    /// </summary>
    public string? CapitalsSingular { get; } = capitalsSingular;

    /// <summary>
    /// For initials of two or three capitals that are no everyday word (<c>UN</c>, <c>AU</c>, <c>EDS</c>): whether it
    /// matches only where the article writes it with a capital ("UN", "MiG", "Eta"; any case in a field with no capital
    /// at all), and not as the middle of a hyphenated name: in lower case, or so, they are other words, the "au" of
    /// "Port-au-Prince", the "un" of "un-American", "eds." for editors.
    /// </summary>
    public bool CapitalsOnly { get; } = capitalsOnly;

    // The initials themselves, folded ("nlc"): the shortest of their forms; a longer one is their plural.
    private readonly int initialsLength = capitalsOnly && capitalsForms is { Count: > 0 } ? capitalsForms.Min(f => f.Length) : 0;

    /// <summary>
    /// Whether the analysis added this word as another spelling of what the query wrote ("U.S." for <c>US</c>,
    /// "ceasefire" for <c>cease-fire</c>): it matches, but it is not one of the query's own names.
    /// </summary>
    public bool IsOtherSpelling { get; } = isOtherSpelling;

    /// <summary>
    /// Whether a given name that begins a person's name in the article is passed over: set by the parser for initials
    /// of two or three capitals (<c>IRA</c>), which the article may write as a name ("Ira Newble").
    /// </summary>
    public bool PassesOverGivenNames { get; init; }

    /// <summary>
    /// Whether it matches only where the article writes its letters in capitals: set by the parser for a word of digits
    /// then capitals (<c>3M</c>, <c>3G</c>), a name; in lower case, or after a currency sign, it is an amount or a measure
    /// ("£3m", "$3M", "the 3m race").
    /// </summary>
    public bool NeedsLettersInCapitals { get; init; }

    /// <summary>
    /// Whether a person's first name is passed over: set by the parser for an everyday word in lower case that is also
    /// a first name (<c>bill</c>, <c>gene</c>), which asks for the word, not Bill Frist or Gene Robinson, unless the
    /// query names the person too (see <see cref="SurnamesAsked"/>).
    /// </summary>
    public bool PassesOverFirstNames { get; internal set; }

    /// <summary>
    /// For a name: the form the query wrote, folded ("edwards"). Its other forms, the singular or plural (see
    /// <see cref="FormsOfName"/>), are passed over where they are another person's given name or surname: "Edward
    /// Kennedy" is not Edwards, nor "Serena Williams" William.
    /// </summary>
    public string? NameItself { get; init; }

    /// <summary>For a word that passes over first names: the query's words, one of which as the surname makes the
    /// person the one asked for.</summary>
    public SurnamesAsked? SurnamesAsked { get; internal set; }

    /// <summary>
    /// Whether it matches only as an abbreviated title before a name ("Sen." in "Sen. Kerry"): set by the parser for
    /// the abbreviations of an office or rank the query writes in full (see <see cref="TitleAbbreviations"/>).
    /// </summary>
    public bool OnlyBeforeName { get; init; }

    /// <summary>
    /// Whether it matches only where the article writes it with a capital: a name's other spelling ("Savanna" for
    /// Savannah) may be an ordinary word in lower case ("the African savanna").
    /// </summary>
    public bool NeedsCapital { get; } = needsCapital;

    /// <inheritdoc/>
    public override string Kind => "term";

    /// <summary>
    /// The forms a name matches, in any case: itself, its plural ("Palestinian" and "Palestinians") and, when longer
    /// than four letters, its singular ("Olympics" and "Olympic"). Short names ending in s are where names and
    /// ordinary words collide ("Mars" and "mar"), so they keep their s; a given name and a country are not each
    /// other's forms either way (Hurricane "Frances" is not France, nor France "Frances"). Possessives are already
    /// gone from the folded word.
    /// </summary>
    public static IReadOnlySet<string> FormsOfName(string folded)
    {
        ArgumentException.ThrowIfNullOrEmpty(folded);
        var forms = new HashSet<string>(StringComparer.Ordinal) { folded };
        if (!IsCountryWithAGivenNameForPlural(folded))
        {
            forms.Add(folded + "s");
        }

        if (folded.EndsWith('s') || folded.EndsWith('x') || folded.EndsWith('z') || folded.EndsWith("ch", StringComparison.Ordinal) || folded.EndsWith("sh", StringComparison.Ordinal))
        {
            forms.Add(folded + "es");
        }

        if (folded.Length > 4 && folded.EndsWith('s') && !IsSomeoneOrSomewhereElse(folded[..^1], folded))
        {
            forms.Add(folded[..^1]);
        }

        return forms;
    }

    // "france" for "frances": a country or people the name itself is not, when the name is someone's (a given name,
    // as the hurricanes are named) or another place's. "Saudis" keeps "Saudi", and "Philippines" "Philippine".
    private static bool IsSomeoneOrSomewhereElse(string singular, string name) =>
        Gazetteer.Default.Resolve(singular) is { Kind: EntityKind.Country or EntityKind.Nationality } other
        && (Gazetteer.Default.Resolve(name) is { } itself
            ? itself.CountryCode != other.CountryCode
            : PersonNames.IsGivenName(char.ToUpperInvariant(name[0]) + name[1..]));

    // "frances" for "france": a country or people whose plural is only a given name, as the hurricanes are named
    // ("Dominicans" and "Koreas" stay the peoples' and the countries'). The given-name look-up goes first: it is one
    // set look-up, and it rules out nearly every name a query writes before the gazetteer is asked anything.
    private static bool IsCountryWithAGivenNameForPlural(string folded) =>
        PersonNames.IsGivenName(char.ToUpperInvariant(folded[0]) + folded[1..] + "s")
        && Gazetteer.Default.Resolve(folded) is { Kind: EntityKind.Country or EntityKind.Nationality }
        && Gazetteer.Default.Resolve(folded + "s") is null;

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var found = false;
        foreach (var stem in SearchedStems)
        {
            foreach (var position in document.PositionsOf(stem))
            {
                if (InScope(document, position) && Matches(document, position, out var hit))
                {
                    hits.Add(hit);
                    found = true;
                }
            }
        }

        return found;
    }

    private bool Matches(AnalyzedDocument document, int position, out QueryHit hit)
    {
        hit = new QueryHit(position, position);

        // A plain word found as itself needs no more look-ups (most terms in most articles).
        var compound = document.JoinedWordAt(position);
        if (NameForms is null && Acronym is null && CapitalsForms is null && compound is null && !NeedsPossessive && !PassesOverGivenNames
            && !PassesOverFirstNames && !NeedsLettersInCapitals && !OnlyBeforeName)
        {
            return true;
        }

        var index = document.TokenIndexAt(position);
        if (index < 0 || (PassesOverGivenNames && PersonNames.BeginsPersonsName(document, index))
            || (OnlyBeforeName && !document.IsAbbreviationBeforeName(index))
            || (PassesOverFirstNames && NamesPersonNotAsked(document, index)))
        {
            return false;
        }

        // A sponsor's name in a competition's name ("the Nextel Cup season") is not the company.
        var token = document.Tokens[index];
        if (SkipsCompetitionNames && document.NamesACompetitionAfter(index) && !CompetitionStemsAsked.Contains(document.Tokens[index + 1].Stem))
        {
            return false;
        }

        // Found through a compound written with a hyphen ("cease-fire" for ceasefire) when the word itself differs.
        var joined = TextAnalyzer.IsFoundByAny(token.Stem, SearchedStems) ? null : compound;
        var surface = joined?.Surface ?? token.Surface;
        hit = new QueryHit(position, joined?.LastPosition ?? position);
        return (NameForms is null || (NameForms.Contains(surface) && !(NeedsCapital && document.IsWrittenInLowerCase(position))
                && !(IsEverydayOtherForm(surface) && (document.IsWrittenInLowerCase(position) || PersonNames.IsInTitleCaseHeadline(document, index)))))
            && (Acronym is null || (surface == Acronym && document.IsWrittenInCapitals(position))
                || (surface.Length == Acronym.Length + 1 && surface[^1] == 's' && surface.StartsWith(Acronym, StringComparison.Ordinal)
                    && document.IsPluralOfCapitals(position)))
            && (CapitalsForms is null || (CapitalsForms.Contains(surface) && (surface != CapitalsSingular || document.IsWrittenInCapitals(position))
                && !(IsCapitalsPlural(surface) && IsAnotherName(document, index, surface))
                && (!CapitalsOnly || (document.CanBeInitials(position) && !IsPluralInCapitals(document, position, surface)))))
            && (!NeedsPossessive || (document.IsPossessive(index) && (NameForms is not null || !document.IsWrittenInLowerCase(position))))
            && (!NeedsLettersInCapitals || document.IsLettersInCapitals(position))
            && !IsAnotherPersonsName(document, index, surface);
    }

    // "Tamika Catchings" for Catchings finds "Catching" as a name, not "eye-catching" or "catching flies": a plural
    // name's singular that is an everyday word is the name only where the story writes it with a capital, and not in a
    // headline that capitalises every word ("Giant Slalom"), as `Giants` is not the "software giant". A singular name
    // keeps its plural in any case (`Senator` finds "U.S. senators": the same sense), and the form the query wrote
    // matches in any case.
    private bool IsEverydayOtherForm(string surface) =>
        NameItself is not null && surface.Length < NameItself.Length && OrdinaryWords.Contains(surface);

    // "Serena Williams" for William, "Dick Parsons" for Pärson: a name's plural written as a surname is that person,
    // and so is every mention of it in a story that names the person once so ("Williams sisters win" over "Serena
    // Williams"). "Edward Kennedy" for Edwards, "Christian Vieri" for Christians: a name's singular written as a given
    // name that begins a person's name is that person, there only ("Christian groups" stays). A singular after a given
    // name is the family's ("Bill Clinton" for Clintons), and a people is never a person ("Finn Jarkko Nieminen",
    // "Christian Serbs" for Serb, "Roman Catholic" for Romans).
    private bool IsAnotherPersonsName(AnalyzedDocument document, int index, string surface)
    {
        var token = document.Tokens[index];
        if (NameItself is null || surface == NameItself || NamesAPeople(document.TextOf(token)[token.Start..token.End])
            || NamesAPeople(Written))
        {
            return false;
        }

        if (surface.Length < NameItself.Length)
        {
            return PersonNames.BeginsPersonsNameNotAPeople(document, index, NamesAPeople);
        }

        foreach (var position in document.PositionsOf(token.Stem))
        {
            var other = document.TokenIndexAt(position);
            if (other >= 0 && document.Tokens[other].Surface == surface && PersonNames.IsSurnameAfterGivenName(document, other, NamesAPeople))
            {
                return true;
            }
        }

        return false;
    }

    // "Bill Frist" for bill: a person's first name, unless the query asks for the surname too.
    private bool NamesPersonNotAsked(AnalyzedDocument document, int index) =>
        PersonNames.SurnameAfterEverydayFirstName(document, index, NamesAPeople) is var surname and >= 0
        && SurnamesAsked?.Contains(document.Tokens[surname]) != true;

    private static bool NamesAPeople(string word) =>
        Gazetteer.Default.Resolve(word) is { Kind: EntityKind.Nationality or EntityKind.Country };

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [new(SearchedStems, [])];

    /// <inheritdoc/>
    public override string ToString() => ScopePrefix + Written;

    // The plural of capitals ("OLEDs", "Scuds"), not the query's own word ending in S ("REDS" finds "Reds").
    private bool IsCapitalsPlural(string surface) =>
        surface.Length > 1 && surface[^1] == 's' && CapitalsForms!.Contains(surface[..^1]) && surface[..^1] != CapitalsSingular;

    // "Abbas" for ABBA, "Havas" for HAVA: a plural of capitals that the story writes as a name, and never the capitals
    // alone, is another name wherever it stands ("European Stocks Open Flat, Havas Falls"); "Scuds" beside "Scud
    // missiles" stays, and so does a plural only a headline that capitalises every word writes so ("Police Use
    // Tasers"). One the story writes as someone's surname, after a given name, is that person ("Mahmoud Abbas ...
    // ABBAS VOWS").
    private static bool IsAnotherName(AnalyzedDocument document, int index, string surface)
    {
        var (writtenAsName, singularWritten) = (false, false);
        foreach (var position in document.PositionsOf(document.Tokens[index].Stem))
        {
            var other = document.TokenIndexAt(position);
            if (other < 0)
            {
                continue;
            }

            var word = document.Tokens[other];
            singularWritten |= word.Surface.Length == surface.Length - 1 && surface.StartsWith(word.Surface, StringComparison.Ordinal);
            if (word.Surface != surface)
            {
                continue;
            }

            if (other > 0 && PersonNames.IsSurnameAfterGivenName(document, other, NamesAPeople))
            {
                return true;
            }

            writtenAsName |= PersonNames.IsWrittenAsName(document.TextOf(word), word) && !PersonNames.IsInTitleCaseHeadline(document, other);
        }

        return writtenAsName && !singularWritten;
    }

    // Initials take their plural with a small s ("PCs", "NLCs"); "NLCS" or "PCS" amid lower case is another acronym,
    // the League Championship Series, not Nigerian Labour Congresses. A headline set all in capitals says nothing.
    private bool IsPluralInCapitals(AnalyzedDocument document, int position, string surface) =>
        surface.Length > initialsLength && document.IsInCapitalsAmidLowerCase(position);
}

/// <summary>Words starting with a prefix (<c>deploy*</c>), compared on the unstemmed folded word.</summary>
public sealed class PrefixNode(string prefix, FieldScope scope) : QueryNode(scope)
{
    /// <summary>The folded prefix.</summary>
    public string Prefix { get; } = prefix;

    /// <inheritdoc/>
    public override string Kind => "prefix";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var found = false;
        foreach (var token in document.Tokens)
        {
            if (!token.IsStopWord && token.Surface.StartsWith(Prefix, StringComparison.Ordinal) && InScope(document, token.Position)
                && !document.IsInHeadlineCredit(token))
            {
                hits.Add(new QueryHit(token.Position, token.Position));
                found = true;
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [new([], [Prefix])];

    /// <inheritdoc/>
    public override string ToString() => ScopePrefix + Prefix + "*";
}

/// <summary>
/// Words in order (<c>"secure the airport"</c>); with a slop (<c>"..."~n</c>) each word may sit up to n positions
/// away from where the exact phrase would put it.
/// </summary>
public sealed class PhraseNode : QueryNode
{
    private readonly string written;

    // The phrase as a headline writes it, without the articles inside ("Sixth Win in Row" for "in a row"): the
    // words' places closed up over each article's. Not for a name ("Save the Children").
    private readonly (IReadOnlyList<int> Offsets, IReadOnlyList<PhraseStopWord> StopWords)? headlineForm;

    /// <summary>
    /// Creates a phrase from analysed words; stop words keep their positions as gaps, and those in
    /// <paramref name="stopWords"/> must be written there. With <paramref name="wordBeforeCapitalA"/> the phrase ends
    /// with a capital A ("Serie A", "hepatitis A"), a letter of the name and no article: the text must write it right
    /// after the last word, and that word as the query does (a name with a letter is not inflected: "Serie A" is not a
    /// "Series A" financing round).
    /// </summary>
    public PhraseNode(
        IReadOnlyList<string> stems,
        IReadOnlyList<int> offsets,
        int slop,
        string written,
        FieldScope scope,
        string? wordBeforeCapitalA = null,
        IReadOnlyList<PhraseStopWord>? stopWords = null,
        IReadOnlyList<int>? ampersandsAfter = null)
        : base(scope)
    {
        Stems = stems;
        Offsets = offsets;
        Slop = slop;
        WordBeforeCapitalA = wordBeforeCapitalA;
        StopWords = slop > 0 ? [] : stopWords ?? [];
        AmpersandsAfter = slop > 0 ? [] : ampersandsAfter ?? [];
        this.written = written;
        headlineForm = StopWords.Any(s => s.AnyDeterminer) && !IsWrittenAsName ? WithoutArticles(offsets, StopWords) : null;
    }

    private static (IReadOnlyList<int>, IReadOnlyList<PhraseStopWord>) WithoutArticles(IReadOnlyList<int> offsets, IReadOnlyList<PhraseStopWord> stopWords)
    {
        // Offsets count from the first searchable word: an article after it moves later words left, one before it
        // moves earlier stop words right.
        var articles = stopWords.Where(s => s.AnyDeterminer).Select(s => s.Offset).ToArray();
        int Closed(int offset) => offset - articles.Count(a => a > 0 && a < offset) + articles.Count(a => a < 0 && a > offset);
        return (offsets.Select(Closed).ToArray(), stopWords.Where(s => !s.AnyDeterminer).Select(s => s with { Offset = Closed(s.Offset) }).ToArray());
    }

    /// <summary>
    /// The words (indexes into <see cref="Stems"/>) an exact phrase writes an ampersand after: "Procter &amp; Gamble"
    /// is not "Procter, Gamble". The ampersand is no word, so it has no place of its own.
    /// </summary>
    public IReadOnlyList<int> AmpersandsAfter { get; }

    /// <summary>
    /// The stop words an exact phrase asks for, at their place: "will pay" is not any "pay", nor "fired on" any
    /// "fired". An article at either end is not among them ("the European Union" finds "European Union leaders"); one
    /// inside holds a place an article, determiner, possessive or number fills ("in a row"); and a phrase with a
    /// distance (<c>~n</c>) does not ask for its stop words.
    /// </summary>
    public IReadOnlyList<PhraseStopWord> StopWords { get; }

    /// <summary>
    /// For a person's name of two words ("Colin Powell": a given name first, both written with a capital): it also finds
    /// the name with a middle initial between ("Colin L. Powell"), as the press often writes it.
    /// </summary>
    public bool SkipsMiddleInitial { get; init; }

    /// <summary>The phrase as the query wrote it, without its quotes.</summary>
    public string Written => written;

    /// <summary>For a phrase ending with the letter A: its last word as the query folds it; null otherwise.</summary>
    public string? WordBeforeCapitalA { get; }

    /// <summary>Stems of the non-stop words.</summary>
    public IReadOnlyList<string> Stems { get; }

    /// <summary>
    /// Whether the phrase is written as a name: exact, every word but its stop words with a capital ("Virgin Atlantic",
    /// "Bank of Montreal"; not "mad cow", "Mad cow").
    /// </summary>
    public bool IsWrittenAsName => Slop == 0 && written.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .All(word => char.IsUpper(word[0]) || !char.IsLetter(word[0]) || TextAnalyzer.IsStopWord(word.ToLowerInvariant()));

    /// <summary>Position of each stem relative to the first.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Allowed displacement of each word.</summary>
    public int Slop { get; }

    /// <inheritdoc/>
    public override string Kind => "phrase";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var found = false;
        foreach (var start in document.PositionsOf(Stems[0]))
        {
            if (!InScope(document, start))
            {
                continue;
            }

            // In a headline, also without its articles, where the phrase stands whole: "Sixth Win in Row (AP)", not
            // "in Row With Referees" (a quarrel), "Red Sox" for "in the red" or "In-House".
            var hit = MatchAt(document, start, Offsets, StopWords);
            if (hit is null && headlineForm is (var offsets, var stopWords) && document.IsTitle(start)
                && MatchAt(document, start, offsets, stopWords) is { } headlineHit && StandsAloneInHeadline(document, headlineHit))
            {
                hit = headlineHit;
            }

            if (hit is { } match)
            {
                hits.Add(match);
                found = true;
            }
        }

        return found;
    }

    // The phrase's span starting at a position, laid out by the given places, or null.
    private QueryHit? MatchAt(AnalyzedDocument document, int start, IReadOnlyList<int> offsets, IReadOnlyList<PhraseStopWord> stopWords)
    {
        var last = start;
        var ok = true;
        for (var k = 1; k < Stems.Count && ok; k++)
        {
            ok = FindNear(document.PositionsOf(Stems[k]), start + offsets[k], start, out var at);
            last = Math.Max(last, at);
        }

        // "Colin L. Powell" for "Colin Powell": a person's name with a middle initial the phrase does not write.
        if (!ok && SkipsMiddleInitial && document.IsInitialAt(start + 1) && document.PositionsOf(Stems[1]).Contains(start + 2))
        {
            (ok, last) = (true, start + 2);
        }

        // An exact phrase is one expression: it does not run across the end of a sentence ("the first time. Warner").
        if (!ok || document.IsTitle(start) != document.IsTitle(last) || !HasStopWords(document, start, stopWords) || !HasAmpersands(document, start, offsets)
            || (Slop == 0 && document.HasSentenceEndBetween(start, last))
            || (WordBeforeCapitalA is not null && !document.IsFollowedByCapitalA(last, WordBeforeCapitalA)))
        {
            return null;
        }

        // The hit spans the stop words asked for too: "will pay" is two words for a NEAR and in the evidence.
        var to = WordBeforeCapitalA is null ? last : last + 1;
        return stopWords.Count == 0
            ? new QueryHit(start, to)
            : new QueryHit(Math.Min(start, start + stopWords[0].Offset), Math.Max(to, start + stopWords[^1].Offset));
    }

    // The headline ends after the phrase or punctuation follows it, and no hyphen joins its words or ends it.
    private static bool StandsAloneInHeadline(AnalyzedDocument document, QueryHit hit)
    {
        var (first, last) = (document.TokenIndexAt(hit.From), document.TokenIndexAt(hit.To));
        if (first < 0 || last < 0)
        {
            return false;
        }

        var title = document.Title;
        string GapAfter(int token) => title[document.Tokens[token].End..document.Tokens[token + 1].Start].Trim();
        if ((first > 0 && GapAfter(first - 1).Contains('-', StringComparison.Ordinal))
            || Enumerable.Range(first, last - first).Any(token => GapAfter(token).Contains('-', StringComparison.Ordinal)))
        {
            return false;
        }

        return last + 1 >= document.TitleTokenCount || GapAfter(last) is { Length: > 0 } gap && !gap.Contains('-', StringComparison.Ordinal);
    }

    private bool HasAmpersands(AnalyzedDocument document, int start, IReadOnlyList<int> offsets) =>
        AmpersandsAfter.All(word => document.HasAmpersandAfter(start + offsets[word]));

    private static bool HasStopWords(AnalyzedDocument document, int start, IReadOnlyList<PhraseStopWord> stopWords)
    {
        foreach (var stop in stopWords)
        {
            if (document.TokenIndexAt(start + stop.Offset) is not (>= 0 and var index) || !stop.IsFilledAt(document, index)
                || document.IsTitle(start + stop.Offset) != document.IsTitle(start)
                || (stop.InCapitals && !document.IsWrittenInCapitals(start + stop.Offset)))
            {
                return false;
            }
        }

        return true;
    }

    private bool FindNear(IReadOnlyList<int> positions, int expected, int start, out int at)
    {
        foreach (var p in positions)
        {
            if (p != start && Math.Abs(p - expected) <= Slop)
            {
                at = p;
                return true;
            }
        }

        at = -1;
        return false;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() =>
        Stems.Distinct().Select(s => new RequiredKeys([s], [])).ToArray();

    /// <inheritdoc/>
    public override string ToString() => ScopePrefix + "\"" + written + "\"" + (Slop > 0 ? "~" + Slop : string.Empty);
}

/// <summary>
/// A stop word a phrase asks for: its place relative to the phrase's first searchable word, its folded letters, and
/// whether the query writes it in capitals, as an acronym the article must write so too ("IT jobs"); or, for an article
/// inside a phrase (<see cref="AnyDeterminer"/>), a place any article, determiner, possessive or number fills.
/// </summary>
public readonly record struct PhraseStopWord(int Offset, string Surface, bool InCapitals = false, bool AnyDeterminer = false)
{
    // Words that may stand where a phrase writes an article: "secure the airport" finds "secure an airport", "secure
    // its airport"; "won a title" finds "won two titles".
    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "another",
        "each", "every", "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    };

    /// <summary>The place of an article inside a phrase ("in a row"), which an article or determiner fills.</summary>
    public static PhraseStopWord Determiner(int offset, string article) => new(offset, article, AnyDeterminer: true);

    /// <summary>Whether the article's word at a document index stands for this one.</summary>
    public bool IsFilledAt(AnalyzedDocument document, int index)
    {
        ArgumentNullException.ThrowIfNull(document);
        var token = document.Tokens[index];
        return AnyDeterminer
            ? Determiners.Contains(token.Surface) || document.IsPossessive(index) || token.Surface.All(char.IsAsciiDigit)
            : token.Surface == Surface;
    }
}

/// <summary>Two clauses within n words of each other (<c>a NEAR/5 b</c>).</summary>
public sealed class NearNode(QueryNode left, QueryNode right, int distance, bool inOrder = false) : QueryNode(FieldScope.Any)
{
    /// <summary>Left clause.</summary>
    public QueryNode Left { get; } = left;

    /// <summary>Right clause.</summary>
    public QueryNode Right { get; } = right;

    /// <summary>Maximum number of words between the two.</summary>
    public int Distance { get; } = distance;

    /// <summary>Whether the left clause must come first (the parts of a hyphenated prefix, <c>re-examin*</c>).</summary>
    public bool InOrder { get; } = inOrder;

    /// <summary>
    /// From this distance a NEAR asks for one statement rather than one expression, and a headline word and a word of
    /// the body's first sentence are near: the headline and the lead tell the same event ("Saban hiring on hold" /
    /// "the LSU coach could be on his way"). Shorter distances stay within the text (<c>jobs NEAR/4 lost</c> is an
    /// expression, which "For Jobs, Brazilians Desert Their Cities" and a lead that says "lost" are not).
    /// </summary>
    public const int SentenceScale = 8;

    /// <inheritdoc/>
    public override string Kind => "near";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var leftHits = new List<QueryHit>();
        var rightHits = new List<QueryHit>();
        if (!Left.Evaluate(document, leftHits) || !Right.Evaluate(document, rightHits))
        {
            return false;
        }

        var found = false;
        foreach (var l in leftHits)
        {
            foreach (var r in rightHits)
            {
                if (WithinText(l, r, Distance, InOrder))
                {
                    hits.Add(new QueryHit(Math.Min(l.From, r.From), Math.Max(l.To, r.To)));
                    found = true;
                }
                else if (Distance >= SentenceScale && HeadlineAndLead(document, l, r))
                {
                    // Each word once, however many words of the other side it pairs with.
                    AddOnce(hits, l);
                    AddOnce(hits, r);
                    found = true;
                }
            }
        }

        return found;
    }

    /// <summary>Whether two spans are within <paramref name="distance"/> words of each other in the text (the left first when in order).</summary>
    internal static bool WithinText(QueryHit l, QueryHit r, int distance, bool inOrder) =>
        inOrder
            ? r.From > l.To && r.From - l.To - 1 <= distance
            : Math.Max(r.From - l.To, l.From - r.To) - 1 <= distance;

    private static void AddOnce(List<QueryHit> hits, QueryHit hit)
    {
        if (!hits.Contains(hit))
        {
            hits.Add(hit);
        }
    }

    // One word in the headline, the other in the body's first sentence: each is a hit of its own (no span crosses
    // from the headline into the body).
    private static bool HeadlineAndLead(AnalyzedDocument document, QueryHit a, QueryHit b) =>
        (document.IsTitle(a.From) && document.IsInLeadSentence(b.From)) || (document.IsTitle(b.From) && document.IsInLeadSentence(a.From));

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [.. Left.GetRequiredKeySets(), .. Right.GetRequiredKeySets()];

    /// <inheritdoc/>
    public override string ToString() => $"{Operand(Left)} {(InOrder ? "PRE" : "NEAR")}/{Distance} {Operand(Right)}";

    // NEAR binds tightest, so a group on either side is written back in its brackets: without them
    // "poaching NEAR/8 (elephant OR rhino)" would print as a different query ("poaching NEAR/8 elephant OR rhino").
    internal static string Operand(QueryNode node) =>
        node is AndNode or NotNode or NearNode or NotNearNode or OrNode { IsWrittenWithOr: true } ? "(" + node + ")" : node.ToString();
}

/// <summary>
/// The left clause where the right one is not near it (<c>CNN NOT NEAR/3 told</c>: the channel, but not where a
/// story cites it as a source, "told CNN"); as in news databases' <c>NOT W/n</c>. Only the left clause's matches far
/// from every match of the right one count, so a story that cites the channel and also reports on it still matches,
/// where <c>CNN -(told NEAR/3 CNN)</c> would leave it out. Near means within n words in the text (<c>NOT PRE/n</c>: not
/// followed within n words); each side is a word, a phrase, a place or a list of them (the parser refuses more).
/// </summary>
public sealed class NotNearNode(QueryNode left, QueryNode right, int distance, bool inOrder = false) : QueryNode(FieldScope.Any)
{
    /// <summary>The clause that must match.</summary>
    public QueryNode Left { get; } = left;

    /// <summary>The clause that must not be near it.</summary>
    public QueryNode Right { get; } = right;

    /// <summary>Number of words within which the right clause makes a match of the left one not count.</summary>
    public int Distance { get; } = distance;

    /// <summary>Whether only a right clause after the left one counts (<c>NOT PRE/n</c>).</summary>
    public bool InOrder { get; } = inOrder;

    /// <inheritdoc/>
    public override string Kind => "not near";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var leftHits = new List<QueryHit>();
        if (!Left.Evaluate(document, leftHits))
        {
            return false;
        }

        var rightHits = RightHits(document);
        var found = false;
        foreach (var l in leftHits)
        {
            if (!rightHits.Any(r => IsNear(l, r)))
            {
                hits.Add(l);
                found = true;
            }
        }

        return found;
    }

    /// <summary>The matches of the left clause that have the right one near them, and those right-side matches.</summary>
    public (List<QueryHit> Left, List<QueryHit> Right) MatchesKeptAway(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var leftHits = new List<QueryHit>();
        Left.Evaluate(document, leftHits);
        var rightHits = RightHits(document);
        return ([.. leftHits.Where(l => rightHits.Any(r => IsNear(l, r)))], [.. rightHits.Where(r => leftHits.Any(l => IsNear(l, r)))]);
    }

    private List<QueryHit> RightHits(AnalyzedDocument document)
    {
        var rightHits = new List<QueryHit>();
        return Right.Evaluate(document, rightHits) ? rightHits : [];
    }

    // Within the text only, at any distance: a citation is an expression ("told CNN"), and a headline and a lead
    // sentence that merely share a word (NEAR's rule from NEAR/8) are no citation.
    private bool IsNear(QueryHit left, QueryHit right) => NearNode.WithinText(left, right, Distance, InOrder);

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => Left.GetRequiredKeySets();

    /// <inheritdoc/>
    public override string ToString() => $"{NearNode.Operand(Left)} NOT {(InOrder ? "PRE" : "NEAR")}/{Distance} {NearNode.Operand(Right)}";
}

/// <summary>All clauses must match (implicit AND).</summary>
public sealed class AndNode(IReadOnlyList<QueryNode> children) : QueryNode(FieldScope.Any)
{
    /// <summary>The clauses.</summary>
    public IReadOnlyList<QueryNode> Children { get; } = children;

    /// <inheritdoc/>
    public override string Kind => "and";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var mark = hits.Count;
        foreach (var child in Children)
        {
            if (!child.Evaluate(document, hits))
            {
                hits.RemoveRange(mark, hits.Count - mark);
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => Children.SelectMany(c => c.GetRequiredKeySets()).ToArray();

    /// <inheritdoc/>
    public override string ToString() => string.Join(" ", Children.Select(c => c is OrNode { IsWrittenWithOr: true } ? "(" + c + ")" : c.ToString()));
}

/// <summary>Any clause may match.</summary>
public sealed class OrNode(IReadOnlyList<QueryNode> children, string? shownAs = null) : QueryNode(FieldScope.Any)
{
    /// <summary>
    /// One query word with the other spellings the analysis gave it ("Barghouti" and "Barghuti"), shown as the query
    /// wrote it; null for alternatives the query wrote with <c>OR</c>.
    /// </summary>
    public string? ShownAs { get; } = shownAs;

    /// <summary>
    /// Whether the clause is shown with <c>OR</c> (alternatives the query wrote, or a word shown with spellings the
    /// query language always adds: <c>"al-Qaeda" OR alQaeda</c>), and so needs brackets inside a larger clause.
    /// </summary>
    public bool IsWrittenWithOr => ShownAs is null || ShownAs.Contains(" OR ", StringComparison.Ordinal);

    /// <summary>The alternatives.</summary>
    public IReadOnlyList<QueryNode> Children { get; } = children;

    /// <inheritdoc/>
    /// <remarks>A word with its other spellings is, to the user, the word they wrote.</remarks>
    public override string Kind => ShownAs is null ? "or" : Children[0].Kind;

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits)
    {
        var found = false;
        var first = hits.Count;
        foreach (var child in Children)
        {
            // Every alternative is evaluated so evidence and proximity see all matches.
            var from = hits.Count;
            found |= child.Evaluate(document, hits);
            if (child is not TermNode { IsOtherSpelling: true })
            {
                continue;
            }

            // A span that another spelling found too ("G-8" as a phrase and as the word G8) counts once.
            for (var i = hits.Count - 1; i >= from; i--)
            {
                if (hits.FindIndex(first, from - first, h => h.Equals(hits[i])) >= 0)
                {
                    hits.RemoveAt(i);
                }
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets()
    {
        var terms = new List<string>();
        var prefixes = new List<string>();
        var countries = new List<string>();
        foreach (var child in Children)
        {
            var keys = child.GetRequiredKeys();
            if (keys is null)
            {
                return [];
            }

            terms.AddRange(keys.Terms);
            prefixes.AddRange(keys.Prefixes);
            countries.AddRange(keys.Countries);
        }

        return [new RequiredKeys(terms.Distinct().ToList(), prefixes.Distinct().ToList(), countries.Distinct(StringComparer.OrdinalIgnoreCase).ToList())];
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Alternatives the analysis added (a name's other spellings) are shown as the query wrote the word: evidence
    /// speaks the user's query. Each alternative is written once: "(US OR U.S.)" holds each spelling twice (each finds
    /// the other), and is written back as the user wrote it.
    /// </remarks>
    public override string ToString() => ShownAs ?? string.Join(" OR ", Alternatives().Distinct(StringComparer.Ordinal));

    private IEnumerable<string> Alternatives() => Children.SelectMany(c => c switch
    {
        OrNode { ShownAs: null } or => or.Alternatives(),
        AndNode => ["(" + c + ")"],
        _ => [c.ToString()],
    });
}

/// <summary>The clause must not match (<c>NOT x</c>, <c>-x</c>).</summary>
public sealed class NotNode(QueryNode child) : QueryNode(FieldScope.Any)
{
    /// <summary>The excluded clause.</summary>
    public QueryNode Child { get; } = child;

    /// <inheritdoc/>
    public override string Kind => "not";

    /// <inheritdoc/>
    public override bool Evaluate(AnalyzedDocument document, List<QueryHit> hits) => !Child.Evaluate(document, []);

    /// <inheritdoc/>
    public override IReadOnlyList<RequiredKeys> GetRequiredKeySets() => [];

    /// <inheritdoc/>
    public override string ToString() => "-" + (Child is AndNode or OrNode { IsWrittenWithOr: true } ? "(" + Child + ")" : Child.ToString());
}
