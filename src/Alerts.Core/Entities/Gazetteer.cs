using System.Globalization;
using Alerts.Core.Text;

namespace Alerts.Core.Entities;

/// <summary>
/// The offline entity recogniser. Places come from <c>Entities/Data/places.tsv</c>, generated from GeoNames-derived
/// and ISO data by <c>tools/gazetteer</c> (every country with its names and demonyms, every ISO 3166-2 subdivision
/// with press abbreviations such as "Calif.", and every city of at least 15,000 people); organisations and actor
/// groups from <c>organisations.tsv</c>. Names are matched on analysed tokens, so "Afghans", "afghan" and "AFGHAN"
/// are one nationality. A name with several readings (Georgia the country and the state; Paris in France and in
/// Texas) is resolved from the story: a qualifier after a comma ("Paris, Texas"), then the other places the story
/// names, then the likelier reading (country, capital, subdivision, larger city).
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadDefault);

    // Words before a name that say it is a place: "in Troy", "to Georgia", "from Jordan".
    private static readonly HashSet<string> PlaceContextWords = new(StringComparer.Ordinal)
    {
        "in", "to", "into", "from", "at", "near", "across", "outsid", "insid", "through", "throughout", "visit",
    };

    // Words for what a place is that the press writes as part of its name.
    private static readonly HashSet<string> PlaceWords = new(StringComparer.Ordinal)
    {
        "bay", "strip", "valley", "province", "region", "district", "county", "island", "islands", "peninsula", "coast",
        "governorate", "prefecture",
    };

    private readonly Dictionary<string, List<Alias>> aliasesByFirstStem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GazetteerEntry> byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GazetteerEntry> countriesByCode = new(StringComparer.OrdinalIgnoreCase);

    // US counties by their folded words ("oakland county"), with the ISO codes of the states that have one so named.
    private readonly Dictionary<string, string[]> countyStates = new(StringComparer.Ordinal);

    private Gazetteer()
    {
    }

    // The longest acronym told from a place in capitals: GAO, SETI; datelines of that length carry their dateline's
    // punctuation ("LIMA (Reuters) -").
    private const int MaxAcronymLength = 4;

    private enum CaseRule
    {
        AnyCase,
        Exact,
        CapitalsAsWritten,
    }

    /// <summary>The gazetteer built from the data shipped with Alerts.</summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>A country by its ISO code ("AU" is Australia, though the African Union is written so too), or null.</summary>
    public GazetteerEntry? Country(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return countriesByCode.GetValueOrDefault(code.Trim());
    }

    /// <summary>World regions, for constraints ("West Africa": its countries); never read in stories.</summary>
    public WorldAreas Areas { get; private set; } = new([]);

    /// <summary>Number of names known.</summary>
    public int AliasCount { get; private set; }

    /// <summary>
    /// Resolves a name from a topic constraint ("Afghanistan", "Afghan", "AF", "Texas", "US-TX", "Kabul", "NATO") to
    /// the entry it most likely means.
    /// </summary>
    public GazetteerEntry? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (byKey.TryGetValue(name.Trim(), out var entry))
        {
            return entry;
        }

        var analyzed = new AnalyzedDocument(name, null);
        var mentions = Recognize(analyzed);
        return mentions.Count == 1 && mentions[0].FirstToken == 0 && mentions[0].LastToken == analyzed.Tokens.Count - 1
            ? mentions[0].Entry
            : ResolveWithin(name);
    }

    // "Georgia, United States", "Paris, Texas", "Kabul, Afghanistan", "London, Ontario": the place of that name inside
    // the country or subdivision after the last comma, for a name several places share: a capital or a city of a
    // million first (what the name means), then a subdivision, then the larger city. Outside North America, Australia
    // and Britain a city's subdivision is learnt and some cities have none, so where no place of that name lies in the
    // province after the comma, the province narrows the name to its country ("Hyderabad, Andhra Pradesh").
    // The part after the comma may be a press or postal abbreviation that reads as a place only after a town ("Seattle,
    // Wash.", "Birmingham, AL"): each of its readings is tried.
    private GazetteerEntry? ResolveWithin(string name)
    {
        var comma = name.LastIndexOf(',');
        if (comma <= 0)
        {
            return null;
        }

        var tail = name[(comma + 1)..];
        return new[] { Resolve(tail) }.Concat(ReadingsOf(tail))
            .OfType<GazetteerEntry>()
            .Where(within => within.Kind is EntityKind.Country or EntityKind.Nationality or EntityKind.Subdivision)
            .Distinct()
            .Select(within => ResolveWithin(name[..comma].Trim(), within))
            .FirstOrDefault(place => place is not null);
    }

    private GazetteerEntry? ResolveWithin(string head, GazetteerEntry within)
    {
        bool InCountry(GazetteerEntry place) => place.IsPlace && place.Kind != EntityKind.Country && place.CountryCode == within.CountryCode;
        bool Inside(GazetteerEntry place) => InCountry(place)
            && (within.Kind != EntityKind.Subdivision || place.LiesInSubdivision(within.Id) || (place.Kind == EntityKind.City && place.SubdivisionCode is null));
        var readings = ReadingsOf(head).Append(Resolve(head)).OfType<GazetteerEntry>().ToList();
        var inside = readings.Where(Inside).ToList();
        return (inside.Count > 0 ? inside : readings.Where(r => r.Kind == EntityKind.City && !GivesCitiesTheirStates(r.CountryCode) && InCountry(r)))
            .OrderByDescending(r => r.Kind == EntityKind.City && IsMajor(r, [r]))
            .ThenByDescending(r => r.Kind == EntityKind.Subdivision)
            .ThenByDescending(r => r.Population)
            .FirstOrDefault();
    }

    /// <summary>Every place or organisation a name may stand for, whatever the case rules of its aliases, accents aside.</summary>
    public IEnumerable<GazetteerEntry> ReadingsOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var stems = TextAnalyzer.Analyze(name).Select(t => t.Stem).ToArray();
        return stems.Length > 0 && aliasesByFirstStem.TryGetValue(stems[0], out var aliases)
            ? aliases.Where(a => a.Stems.AsSpan().SequenceEqual(stems)).SelectMany(a => a.Readings).Distinct()
            : [];
    }

    /// <summary>
    /// Known names for "did you mean" messages: the places whose name holds <paramref name="name"/> as a word ("Korea"
    /// is half of two countries' names, "North Korea" and "South Korea"), else those closest to it in spelling.
    /// </summary>
    public IReadOnlyList<string> Suggest(string name, int count = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var wanted = name.Trim().ToLowerInvariant();
        var holding = wanted.Length <= 2 ? [] : byKey
            .Where(k => k.Value.IsPlace && k.Key.Length > wanted.Length && string.Equals(k.Key, k.Value.Name, StringComparison.OrdinalIgnoreCase)
                && k.Key.ToLowerInvariant().Split(' ', '-').Contains(wanted, StringComparer.Ordinal))
            .OrderBy(k => Prior(k.Value, dateline: false))
            .ThenByDescending(k => k.Value.Population)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Select(k => k.Value.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(count)
            .ToList();
        if (holding.Count > 0)
        {
            return holding;
        }

        return byKey.Keys
            .Where(k => k.Length > 2 && Math.Abs(k.Length - wanted.Length) <= 2 && !k.Contains('-', StringComparison.Ordinal))
            .Select(k => (Key: k, Distance: EditDistance(wanted, k.ToLowerInvariant())))
            .Where(k => k.Distance <= Math.Max(1, (wanted.Length + 1) / 3))
            .OrderBy(k => k.Distance)
            .ThenBy(k => Prior(byKey[k.Key], dateline: false))
            .ThenByDescending(k => byKey[k.Key].Population)
            .ThenBy(k => k.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(k => byKey[k.Key].Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Finds entity mentions, longest name first, never across the title/body boundary.</summary>
    public List<EntityMention> Recognize(AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var found = new List<NameCandidate>();
        List<List<GazetteerEntry>>? agreementTowns = null;
        HashSet<string>? arabicNames = null;
        var tokens = document.Tokens;
        var (titleUsesCapitals, bodyUsesCapitals) = (UsesCapitals(document.Title), UsesCapitals(document.Body));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!aliasesByFirstStem.TryGetValue(tokens[i].Stem, out var aliases))
            {
                continue;
            }

            List<GazetteerEntry>? readings = null;
            var length = 0;
            foreach (var alias in aliases)
            {
                if (length > 0 && alias.Stems.Length < length)
                {
                    break;
                }

                if (Matches(document, i, alias))
                {
                    // Stems let "Afghans" be the Afghan people, but a place is named as written: "end" is not Ende; and a
                    // word like "foreign" only by its own forms ("foreigners", not "internal" for "international").
                    var exact = SameSurfaces(document, i, alias);
                    var acronym = alias.Rule != CaseRule.Exact && IsAcronym(document, i, i + alias.Stems.Length - 1);
                    var capitalised = WrittenWithACapital(document, i, alias.Stems.Length);
                    var usesCapitals = i < document.TitleTokenCount ? titleUsesCapitals : bodyUsesCapitals;
                    var admitted = alias.Readings
                        .Where(r => (exact || r.Kind == EntityKind.Nationality || (r.Kind == EntityKind.Organisation && (r.Role != "modifier" || SurfacesBegin(document, i, alias))))
                            && !(acronym && r.Kind is EntityKind.City or EntityKind.Subdivision)
                            && IsWrittenAsAName(r, capitalised, usesCapitals))
                        .ToList();
                    if (admitted.Count == 0)
                    {
                        continue;
                    }

                    length = alias.Stems.Length;
                    readings = readings is null ? admitted : [.. readings.Union(admitted)];
                }
            }

            if (readings is not null && IsAgreementNamedAfter(document, i + length - 1, readings))
            {
                (agreementTowns ??= []).Add(readings);
                i += length - 1;
                continue;
            }

            if (readings is not null && !readings.Any(r => r.Kind == EntityKind.Country))
            {
                readings = ReadingsBesideAStreetOrTitle(document, i, i + length - 1, readings);
            }

            if (readings is not null && IsArabicNameAbroad(document, i, readings))
            {
                (arabicNames ??= new(StringComparer.Ordinal)).Add(tokens[i].Surface);
                i += length - 1;
                continue;
            }

            if (readings is not null && (IsPartyTag(document, i) || IsNamedWaters(document, i) || IsSeaNamedAfter(document, i + length - 1)
                || (readings.All(r => r.Kind == EntityKind.City) && IsOtherNameAfterTheTown(document, i + length - 1))
                || (readings.All(r => r is { Kind: EntityKind.Country, CountryCode: "US" }) && IsDollar(document, i + length - 1))
                || IsCompanyNamedLikeATown(document, i + length - 1, readings)))
            {
                i += length - 1;
                continue;
            }

            if (readings is not null)
            {
                var last = i + length - 1;
                if (readings.All(r => r.IsPlaceWithinCountry) && IsPlaceWordAfter(document, last))
                {
                    last++;
                }

                found.Add(new NameCandidate(i, last, readings));
                i = last;
            }
        }

        if (agreementTowns is not null)
        {
            found.RemoveAll(c => IsAgreementNamedElsewhere(document, c, agreementTowns));
        }

        // "Sheikh Sabah al-Ahmed al-Sabah ... Sabah told reporters": the story's other bare mentions are the person too,
        // unless the story treats the name as a place ("in Sabah", a dateline).
        if (arabicNames is not null)
        {
            found.RemoveAll(c => c.FirstToken == c.LastToken && arabicNames.Contains(tokens[c.FirstToken].Surface)
                && !IsDateline(document, c.FirstToken, c.LastToken) && !InPlaceContext(document, c));
        }

        return Resolve(document, found);
    }

    // "Putin Signs Up Russia for Kyoto Pact", "Why Putin is backing Kyoto again": once a story names the Kyoto
    // protocol, its other bare "Kyoto"s are the protocol too (a headline's "pact" or "ratification" among them), not
    // the town; a dateline still says where the story was filed, and the town stays itself where the story treats it
    // as a place: "in Kyoto", "visited Kyoto", "return to Kyoto", "the city of Kyoto", "Kyoto's mayor", "Oslo-based".
    private static bool IsAgreementNamedElsewhere(AnalyzedDocument document, NameCandidate candidate, List<List<GazetteerEntry>> agreementTowns)
    {
        if (!agreementTowns.Any(readings => candidate.Readings.All(readings.Contains))
            || IsDateline(document, candidate.FirstToken, candidate.LastToken) || InPlaceContext(document, candidate)
            || document.IsPossessive(candidate.LastToken))
        {
            return false;
        }

        var last = document.Tokens[candidate.LastToken];
        var text = document.TextOf(last);
        var hyphenated = last.End < text.Length && text[last.End] == '-';
        return !hyphenated && !IsNamedAsATown(document, candidate);
    }

    // "the city of Kyoto", "the mayor of Nokia": the town's own words say the name is the town's.
    private static bool IsNamedAsATown(AnalyzedDocument document, NameCandidate candidate) =>
        Beside(document, candidate.FirstToken - 1, candidate.FirstToken) is { Surface: "of" }
        && Beside(document, candidate.FirstToken - 2, candidate.FirstToken) is { } word && TownsOwnWords.Contains(word.Stem);

    // "Sheikh Ahmad al-Fahd al-Sabah", Kuwait's oil minister, is no Sabah in Malaysia: after an Arabic name's particle
    // ("al-", "bin", "ibn") or "Sheikh", a name is part of the person's unless it is a place of the Arabic-speaking
    // world ("al-Fallujah"), where Arabic names its towns so too.
    private static bool IsArabicNameAbroad(AnalyzedDocument document, int first, List<GazetteerEntry> readings)
    {
        if (first == 0 || !InOneField(document, first - 1, first) || readings.Any(r => r.CountryCode is { } country && ArabicSpeakingCountries.Contains(country)))
        {
            return false;
        }

        var (particle, name) = (document.Tokens[first - 1], document.Tokens[first]);
        var text = document.TextOf(particle);
        var gap = text.AsSpan(particle.End, name.Start - particle.End);
        return particle.Surface switch
        {
            "al" or "el" => gap is "-",
            "bin" or "ibn" => gap is " ",
            "sheikh" or "sheik" => gap is " " && char.IsUpper(text[particle.Start]),
            _ => false,
        };
    }

    // The Arab League's members, whose towns Arabic names with "al-" too.
    private static readonly HashSet<string> ArabicSpeakingCountries = new(StringComparer.Ordinal)
    {
        "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE",
    };

    // "Sen. John Warner (R-Va.)", "Rep. Steny Hoyer, D-Md.,": a lawmaker's party and state say whom he represents, not
    // where anything happens, so a Maryland topic does not get every federal story that quotes a Maryland member.
    private static bool IsPartyTag(AnalyzedDocument document, int first)
    {
        if (!InOneField(document, first - 1, first))
        {
            return false;
        }

        var party = document.Tokens[first - 1];
        var text = document.TextOf(party);
        return party.End - party.Start == 1 && party.Surface is "r" or "d" or "i" && char.IsUpper(text[party.Start])
            && party.End == document.Tokens[first].Start - 1 && text[party.End] is '-' or '–'
            && (party.Start == 0 || char.IsWhiteSpace(text[party.Start - 1]) || text[party.Start - 1] is '(' or '[' or ',' or '"' or '\'');
    }

    // "the Gulf of Mexico", "the Sea of Japan", "the Bay of Bengal", "the Gulf of Guinea": a sea named after a place is
    // not the place (a storm in the Gulf of Mexico is not in Mexico).
    private static bool IsNamedWaters(AnalyzedDocument document, int first) => IsAfterWordAndOf(document, first, Waters);

    // A word of the set, capitalised (or in a text with no capitals), then "of", right before the name: "the Gulf of
    // Mexico", "the Prince of Wales".
    private static bool IsAfterWordAndOf(AnalyzedDocument document, int first, HashSet<string> words)
    {
        if (!InOneField(document, first - 2, first))
        {
            return false;
        }

        var (word, of) = (document.Tokens[first - 2], document.Tokens[first - 1]);
        var text = document.TextOf(word);
        return of.Surface == "of" && words.Contains(word.Surface) && (char.IsUpper(text[word.Start]) || !UsesCapitals(text));
    }

    // "the Indian Ocean", "the South China Sea", "the Irish Sea", "the Timor Sea": a sea or ocean named after a place
    // or a people is neither (a quake in the Indian Ocean is not in India).
    private static bool IsSeaNamedAfter(AnalyzedDocument document, int last) => IsFollowedByOneOf(document, last, Seas);

    private static readonly HashSet<string> Seas = new(StringComparer.Ordinal) { "sea", "ocean" };

    // "Pennsylvania Avenue", "Madison Square Garden", "Haifa Street" in Baghdad: a street or square named after a place
    // lies elsewhere. One named after a state of the countries that name streets so (the United States, Canada,
    // Australia, Britain) still lies in the state's country ("Virginia Avenue" in Washington), so the name is that
    // country; one named after towns, or a district named like its city, may lie in any ("Haifa Street" in Baghdad,
    // "Sydney Road" in Melbourne) and names none; titles are read below. A country's name before a street word is left
    // to the callers: "Iraq Street" is as likely a headline's "Iraq" before a word of its story.
    private List<GazetteerEntry>? ReadingsBesideAStreetOrTitle(AnalyzedDocument document, int first, int last, List<GazetteerEntry> readings)
    {
        if (IsCountyNamedAfter(document, first, last, readings, out var county))
        {
            return county;
        }

        if (IsStreetNamedAfter(document, last))
        {
            return TheirCountry(readings.Where(r => r.Kind == EntityKind.Subdivision && GivesCitiesTheirStates(r.CountryCode)));
        }

        return ReadingsAfterATitle(document, first, last, readings);
    }

    // "the Prince of Wales", "the Duke of Marlborough": a title of nobility names whoever holds it, wherever they are,
    // and is its country's, as "the King of Spain" is Spain's; in English news a title named after a British place is
    // Britain's ("the Duke of York", not Pennsylvania's York). A bishop's see is where his news happens ("the
    // Archbishop of Boston said parishes would close"), and a see is a city: a region named like it with no city of
    // its name in its own country is not it ("the Archbishop of Canterbury" is no New Zealand region; "of York" keeps
    // England's York). A building or a race named after a title lies anywhere ("the Prince of Wales Hospital" in
    // Sydney) and names no place.
    private List<GazetteerEntry>? ReadingsAfterATitle(AnalyzedDocument document, int first, int last, List<GazetteerEntry> readings)
    {
        if (IsAfterTitleOf(document, first, TitlesOfNobility))
        {
            return IsFollowedByOneOf(document, last, NamedAfterATitle)
                ? null
                : TheirCountry(readings.Any(r => r.CountryCode == "GB") ? readings.Where(r => r.CountryCode == "GB") : readings);
        }

        return IsAfterTitleOf(document, first, TitlesOfTheChurch)
            ? [.. readings.Where(r => r.Kind != EntityKind.Subdivision || readings.Any(c => c.Kind == EntityKind.City && c.CountryCode == r.CountryCode))]
            : readings;
    }

    // The one country the readings lie in, as the name's only reading; null (no place) when they lie in none or several.
    private List<GazetteerEntry>? TheirCountry(IEnumerable<GazetteerEntry> readings) =>
        readings.Select(r => r.CountryCode).Distinct(StringComparer.Ordinal).ToList() is [{ } code] && Country(code) is { } country ? [country] : null;

    // Only with the street's word capitalised ("the Kabul road" is a road of Kabul's) and outside a headline that
    // capitalises every word, where the capital says nothing ("Baghdad Road Blast Kills 5").
    private static bool IsStreetNamedAfter(AnalyzedDocument document, int last) =>
        IsFollowedByOneOf(document, last, Streets) && !PersonNames.IsInTitleCaseHeadline(document, last + 1);

    private static readonly HashSet<string> Streets = new(StringComparer.Ordinal)
    {
        "avenue", "ave", "street", "road", "boulevard", "blvd", "square", "lane", "drive",
    };

    // "Oakland County" is Michigan's, not a county of California's Oakland: a US town's name written right before a
    // capitalised County, Parish or Borough (one space between) names a county, read as the namesake town where the
    // town's state has a county of that name and the town 100,000 people ("Los Angeles County", "Dallas County"; a
    // smaller namesake says less: Madison, Alabama, does not make every "Madison County" Alabama's), else as the one
    // state that has one ("Oakland County"), else as the United States only, which the story's other places may narrow
    // ("Madison County": nineteen states have one). A name with a reading abroad ("Kent County Cricket Club"), a
    // country's or a state's ("Lebanon County", "Ohio County"), a county the list does not hold ("Taipei County") and
    // a lower-case "county" ("In Ohio, county clerks") keep their readings.
    private bool IsCountyNamedAfter(AnalyzedDocument document, int first, int last, List<GazetteerEntry> readings, out List<GazetteerEntry>? county)
    {
        county = null;
        if (!readings.All(r => r is { Kind: EntityKind.City, CountryCode: "US" }) || !IsFollowedByOneOf(document, last, CountyWords)
            || document.TextOf(document.Tokens[last])[document.Tokens[last].End] != ' '
            || !countyStates.TryGetValue(CountyKey(document, first, last + 1), out var states))
        {
            return false;
        }

        var namesakes = readings.Where(r => r is { Population: >= LargeCity, SubdivisionCode: { } code } && states.Contains(code)).ToList();
        county = namesakes.Count > 0 ? namesakes
            : states is [var only] && byKey.TryGetValue(only, out var state) ? [state]
            : Country("US") is { } country ? [country] : null;
        return true;
    }

    private static readonly HashSet<string> CountyWords = new(StringComparer.Ordinal) { "county", "parish", "borough" };

    // A county's name as the list is keyed: its words folded as the analyser reads them ("st louis county").
    private static string CountyKey(AnalyzedDocument document, int first, int last) =>
        string.Join(' ', document.Tokens.Skip(first).Take(last - first + 1).Select(t => t.Surface));

    // "the Ryder Cup at Oakland Hills" (a club in Michigan), "Hyde Park", "Stanley Park", "Shaker Heights", "Omaha
    // Beach" in France: a town's name before a capitalised Hills, Heights, Park or Beach is another place's name, not
    // the town (places the gazetteer knows by the longer name, "Beverly Hills", "Miami Beach", are found whole before
    // this is asked).
    // In a headline that capitalises every word the capital says nothing ("Wildfire Burns in Oakland Hills"), unless
    // the story's body writes the same name so; and a name going on into an office's ("Chicago Park District", "Boston
    // Park Plaza") is the town's.
    private static bool IsNeighbourhoodNamedAfter(AnalyzedDocument document, int last)
    {
        if (!IsFollowedByOneOf(document, last, NeighbourhoodWords))
        {
            return false;
        }

        var word = last + 1;
        if (Beside(document, word + 1, word) is { } after && InstitutionWords.Contains(after.Surface))
        {
            return false;
        }

        return !PersonNames.IsInTitleCaseHeadline(document, word) || BodyWritesTheName(document, last, word);
    }

    private static bool BodyWritesTheName(AnalyzedDocument document, int town, int word)
    {
        for (var k = document.TitleTokenCount; k + 1 < document.Tokens.Count; k++)
        {
            if (document.Tokens[k].Surface == document.Tokens[town].Surface && document.Tokens[k + 1].Surface == document.Tokens[word].Surface
                && IsFollowedByOneOf(document, k, NeighbourhoodWords))
            {
                return true;
            }
        }

        return false;
    }

    // A town's name that goes on into another place's or a founder's name: "Oakland Hills", "the Brookings Institution".
    private static bool IsOtherNameAfterTheTown(AnalyzedDocument document, int last) =>
        IsNeighbourhoodNamedAfter(document, last) || IsInstitutionNamedAfter(document, last);

    // "the Brookings Institution" in Washington, "the Hoover Institution" at Stanford: an institution is named after its
    // founder, and a town of the founder's name is no place of its news.
    private static bool IsInstitutionNamedAfter(AnalyzedDocument document, int last) => IsFollowedByOneOf(document, last, FoundedInstitutionWords);

    private static readonly HashSet<string> FoundedInstitutionWords = new(StringComparer.Ordinal) { "institution" };

    private static readonly HashSet<string> NeighbourhoodWords = new(StringComparer.Ordinal) { "hills", "heights", "park", "beach" };

    private static readonly HashSet<string> InstitutionWords = new(StringComparer.Ordinal)
    {
        "district", "plaza", "service", "board", "commission", "department", "police", "authority", "hotel", "avenue",
        "road", "street", "drive", "zoo",
    };

    // "the Kyoto protocol", "the Oslo accords", "the Geneva Conventions", "the Kyoto climate treaty": an agreement named
    // after the town where it was signed is not there (Russia ratifying the Kyoto protocol is no Japanese story). Only
    // a town, and only words that name treaties: a country or a region before them is a party or the subject ("the Iran
    // accord"); a single "accord" or "pact" is as often a deal made in the town or about it ("the Fallujah accord",
    // "GM, SAIC seal Beijing pact"), a single "convention" a gathering held there ("the Boston Convention").
    // Alone, "Kyoto Pact", "Kyoto ratification" or a bare "Kyoto" still read Japan; in a story that names the protocol
    // they are the protocol (IsAgreementNamedElsewhere).
    private static bool IsAgreementNamedAfter(AnalyzedDocument document, int last, List<GazetteerEntry> readings)
    {
        if (!readings.Any(r => r.IsTown) || readings.Any(r => !r.IsTown && r.Kind != EntityKind.Subdivision))
        {
            return false;
        }

        var next = last + 1;
        if (next < document.Tokens.Count && next != document.TitleTokenCount && AgreementKinds.Contains(document.Tokens[next].Surface))
        {
            next++;
        }

        if (next >= document.Tokens.Count || next == document.TitleTokenCount
            || document.Tokens[next].Position - document.Tokens[last].Position != next - last)
        {
            return false;
        }

        // "Conventions" names the treaties only with its capital: "the Las Vegas conventions" are gatherings there.
        var word = document.Tokens[next];
        return Agreements.Contains(word.Surface) || (word.Surface == "conventions" && char.IsUpper(document.TextOf(word)[word.Start]));
    }

    // Stems: "the city of Kyoto", "the mayor of Oslo", "the streets of Geneva".
    private static readonly HashSet<string> TownsOwnWords = new(StringComparer.Ordinal)
    {
        "citi", "town", "mayor", "governor", "resid", "peopl", "street", "outskirt", "centr", "center", "universit", "prefectur",
    };

    private static readonly HashSet<string> Agreements = new(StringComparer.Ordinal) { "protocol", "protocols", "treaty", "accords" };

    // A word that may stand between the town and the agreement: "the Kyoto climate treaty", "the Oslo peace accords".
    private static readonly HashSet<string> AgreementKinds = new(StringComparer.Ordinal) { "climate", "peace" };

    // "US$890 million", "U.S.$", "US $" (some feeds escape it, "US\$890"), "the U.S. dollar", "US-dollar bonds", "82 US
    // cents": the US dollar is paid and traded the world over, so it says nothing of where the story happens (a Hong
    // Kong share sale priced in US dollars is not in the United States). Only the US dollar: another country's money is
    // traded at home ("the Taiwan dollar rose", "HK$7.5 billion"), and its story is there.
    private static bool IsDollar(AnalyzedDocument document, int last)
    {
        var token = document.Tokens[last];
        var text = document.TextOf(token);
        var after = text.AsSpan(token.End).TrimStart('.').TrimStart(' ');
        if (after.StartsWith("$") || after.StartsWith("\\$"))
        {
            return true;
        }

        var next = last + 1;
        return next < document.Tokens.Count && next != document.TitleTokenCount
            && Currencies.Contains(document.Tokens[next].Surface)
            && text.AsSpan(token.End, document.Tokens[next].Start - token.End).Trim('.').Trim('-').IsWhiteSpace();
    }

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal) { "dollar", "dollars", "cent", "cents" };

    // "Rogers Wireless", "Vernon Communications Inc.": a town's name followed by the word a company takes in its name is
    // the company, named after a founder or a town, and no place of the story. Only a town: a country, a capital or a
    // city of 100,000 in a company's name ("Singapore Airlines", "Boston Scientific") still says where it is.
    // Not in a headline that capitalises every word: there "Galle Telecommunications Restored" is the town's.
    private static bool IsCompanyNamedLikeATown(AnalyzedDocument document, int last, List<GazetteerEntry> readings) =>
        IsFollowedByOneOf(document, last, CompanyWords)
        && readings.All(r => r.Kind == EntityKind.City && !r.IsCapital && !IsLargeCity(r))
        && !PersonNames.IsInTitleCaseHeadline(document, last);

    private static readonly HashSet<string> CompanyWords = new(StringComparer.Ordinal)
    {
        "wireless", "communications", "telecom", "telecommunications", "corp", "corporation", "inc", "incorporated",
        "ltd", "plc", "holdings", "bancorp", "bankshares", "bancshares", "industries", "financial", "cable",
    };

    // Whether tokens from one index to another exist and lie in the same field (headline or body).
    private static bool InOneField(AnalyzedDocument document, int from, int to) =>
        from >= 0 && document.IsTitle(document.Tokens[from].Position) == document.IsTitle(document.Tokens[to].Position);

    // The word at an index, where it stands in the same field as the word at another ("of" before "Kyoto", the verb
    // after "Washington"; a headline's last word has no neighbour in the body), or null.
    private static AnalyzedToken? Beside(AnalyzedDocument document, int index, int of) =>
        index >= 0 && index < document.Tokens.Count && InOneField(document, Math.Min(index, of), Math.Max(index, of)) ? document.Tokens[index] : null;

    private static readonly HashSet<string> Waters = new(StringComparer.Ordinal) { "gulf", "sea", "bay", "strait", "straits" };

    // "the Prince of Wales", "the Archbishop of Canterbury": a title, then "of", right before the place; not a surname
    // that spells a title right after a given name ("Tayshaun Prince of Detroit", "Rev. John Bishop of Phoenix"), which
    // the press writes as a name, then its town ("Prince Philip, Duke of Edinburgh" is the title).
    private static bool IsAfterTitleOf(AnalyzedDocument document, int first, HashSet<string> titles)
    {
        if (!IsAfterWordAndOf(document, first, titles))
        {
            return false;
        }

        var title = first - 2;
        return Beside(document, title - 1, title) is not { } before
            || !PersonNames.OneSpaceBetween(document.TextOf(before), before, document.Tokens[title])
            || before.IsStopWord || document.IsPossessive(title - 1) || TitleQualifiers.Contains(before.Surface)
            || !char.IsUpper(document.TextOf(before)[before.Start]) || PersonNames.IsInTitleCaseHeadline(document, title);
    }

    private static readonly HashSet<string> TitlesOfNobility = new(StringComparer.Ordinal)
    {
        "prince", "princess", "duke", "duchess", "earl", "countess", "marquess", "marchioness", "viscount", "baron", "baroness",
    };

    private static readonly HashSet<string> NamedAfterATitle = new(StringComparer.Ordinal)
    {
        "hospital", "theatre", "theater", "college", "school", "hotel", "bridge", "stadium", "hall", "museum", "stakes",
        "cup", "trophy", "island", "barracks",
    };

    private static readonly HashSet<string> TitlesOfTheChurch = new(StringComparer.Ordinal) { "archbishop", "bishop", "cardinal", "patriarch" };

    // Words a title takes before it that are no given names ("Crown Prince of", "the Anglican Archbishop of").
    private static readonly HashSet<string> TitleQualifiers = new(StringComparer.Ordinal)
    {
        "crown", "grand", "anglican", "episcopal", "catholic", "orthodox", "roman", "greek", "coptic", "lutheran", "methodist",
    };

    // "Guantanamo Bay", "Swat Valley", "Helmand Province": a place's name with the word for what it is, written as part of
    // the name, is that place (so that "at Guantanamo Bay, Cuba" reads Cuba as the place's country, not as a party).
    private static bool IsPlaceWordAfter(AnalyzedDocument document, int last) => IsFollowedByOneOf(document, last, PlaceWords);

    // Whether the word one space after a name, in the same field and written with a capital where the field uses any,
    // is one of these words.
    private static bool IsFollowedByOneOf(AnalyzedDocument document, int last, HashSet<string> words)
    {
        var next = last + 1;
        if (next >= document.Tokens.Count || next == document.TitleTokenCount || !words.Contains(document.Tokens[next].Surface))
        {
            return false;
        }

        var text = document.TextOf(document.Tokens[next]);
        return (char.IsUpper(text[document.Tokens[next].Start]) || !UsesCapitals(text)) && document.Tokens[next].Start - document.Tokens[last].End == 1;
    }

    // Whether any word of a name starts with a capital ("the Netherlands", "Republic of Belarus").
    private static bool WrittenWithACapital(AnalyzedDocument document, int start, int length)
    {
        var text = document.TextOf(document.Tokens[start]);
        for (var k = start; k < start + length && k < document.Tokens.Count; k++)
        {
            if (char.IsUpper(text[document.Tokens[k].Start]))
            {
                return true;
            }
        }

        return false;
    }

    // "US Insurance Stocks Plunge on Concern About Spitzer", "Holiday Store Sales Rise": a headline that capitalises
    // every word cannot tell a place named like an everyday word (Plunge, a Lithuanian district; Store, a Slovenian
    // one) from the word, so there such a name needs context ("in Plunge"), unless it is a country, a people, a capital
    // or a city of 100,000 (Cologne). A headline in sentence case, and the body, name it as before.
    private static bool IsWordInATitleCaseHeadline(AnalyzedDocument document, NameCandidate candidate, GazetteerEntry reading) =>
        candidate.FirstToken == candidate.LastToken
        && reading.Kind is EntityKind.City or EntityKind.Subdivision && !reading.IsCapital && !IsLargeCity(reading)
        && OrdinaryWords.Contains(document.Tokens[candidate.FirstToken].Surface)
        && PersonNames.IsInTitleCaseHeadline(document, candidate.FirstToken);

    private static bool UsesCapitals(string text) => text.AsSpan().IndexOfAnyInRange('A', 'Z') >= 0;

    // English writes the names of places and peoples with a capital: in a headline or body that uses capitals, "no
    // fraud" does not name Haiti's Nò, nor "western and central Africa" a Central province. One in lower case only
    // cannot tell a name by its capital, so there only countries and peoples are read ("no end in sight for central
    // bank" names neither). Organisations' generic words (foreign, international) are lower-case words anyway.
    private static List<GazetteerEntry>? SeatOfGovernmentAmong(AnalyzedDocument document, List<NameCandidate> found, int index, HashSet<GazetteerEntry>? seatOfGovernment) =>
        seatOfGovernment is not null && found[index].Readings.Where(seatOfGovernment.Contains).ToList() is { Count: > 0 } seat
            && (ActsAsTheGovernment(document, found, index) || !CarriesTheStatesWords(document, found[index])) ? seat : null;

    private static bool IsWrittenAsAName(GazetteerEntry reading, bool capitalised, bool usesCapitals) =>
        reading.Kind == EntityKind.Organisation
        || (usesCapitals ? capitalised : reading.Kind is EntityKind.Country or EntityKind.Nationality);

    private List<EntityMention> Resolve(AnalyzedDocument document, List<NameCandidate> found)
    {
        // Countries the story names without doubt support the readings of ambiguous names in the same country; a name
        // read as a person's names no country ("Adrian Mutu" is no town in Michigan, and must not make "Chelsea" the
        // one in Massachusetts).
        var named = found.ConvertAll(CountryNamedWithoutDoubt);
        var people = PersonNames.Find(document, found, c => IsNamedAsPlace(document, found, c), c => IsBackedByOtherNames(found, named, c));
        var support = named.Where((code, c) => code is not null && !people.Contains(c)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Regions? regions = null;
        Regions Inside() => regions ??= RegionsNamed(found, people, support);
        var settled = TownSettledByDateline(document, found, people);
        var seatOfGovernment = SeatsOfGovernment(document, found);
        var governorsStates = StatesNamedBeforeTheirGovernors(document, found);
        var mentions = new List<EntityMention>(found.Count);
        for (var c = 0; c < found.Count; c++)
        {
            var candidate = found[c];
            var previous = c > 0 ? found[c - 1] : null;
            var qualifier = QualifierOf(document, found, c);
            // Once a story's "Washington" speaks as the government, its other bare "Washington"s are the capital too.
            var settledAs = qualifier is null ? settled?.For(candidate) ?? SeatOfGovernmentAmong(document, found, c, seatOfGovernment) : null;
            if (settledAs is { Count: 0 })
            {
                // The dateline named a town of this name that the gazetteer does not know.
                continue;
            }

            // The dateline's qualifier is the context a town named like a person needs ("ATHENS, Ga." before "Athens
            // students protest").
            var readings = candidate.Readings
                .Where(r => settledAs?.Contains(r) == true || Admissible(document, candidate, r, previous, qualifier, support)).ToList();
            var dateline = IsDateline(document, candidate.FirstToken, candidate.LastToken);
            if (readings.Count == 0 || people.Contains(c) || (dateline && IsTownOfAnotherCountry(readings, candidate.Readings, qualifier)))
            {
                continue;
            }

            // A capital of 100,000 or a city of a million is what an unqualified name means, whatever other countries the story
            // names ("ATHENS (Reuters) - U.S. gymnasts..." is in Greece); among readings of like weight, the story's
            // other places decide (Georgia next to Atlanta), then size, then the size of the country (Montana).
            var ranked = readings
                .Select(r => (Reading: r, Weight: new ReadingWeight(
                    qualifier is not null ? qualifier.Readings.Any(q => Qualifies(q, r)) : settledAs?.Contains(r) == true,
                    IsMajor(r, candidate.Readings),
                    IsSupported(r, candidate, support, Inside) || governorsStates?.Contains(r) == true,
                    IsOutweighedAbroad(r, candidate.Readings) ? OutweighedPrior : Prior(r, dateline))))
                .OrderByDescending(r => r.Weight.Qualified)
                .ThenByDescending(r => r.Weight.Major)
                .ThenByDescending(r => r.Weight.Supported)
                .ThenBy(r => r.Weight.Prior)
                .ThenByDescending(r => r.Reading.Population)
                .ThenByDescending(r => r.Reading.CountryTownCount)
                .ToList();
            if (IsUndecided(ranked))
            {
                continue;
            }

            mentions.Add(new EntityMention(ranked[0].Reading, candidate.FirstToken, candidate.LastToken));
        }

        return mentions;
    }

    // One name, one place in a story: the town a dateline qualifies ("PERTH, Scotland (Reuters)", "PORTLAND, Maine
    // (AP)") is that town wherever the story names it again without a qualifier ("Fire in Perth" in its headline), as
    // a reader takes it; none of the known towns where the qualifier names a country or state in which none of them lies
    // ("ST PETERSBURG, Russia": the headline's St Petersburg is not Florida's). Only the dateline settles a name: in a
    // sentence a comma may end a phrase or run a list ("Oregon, Ohio and Pennsylvania", "In Perth, Scotland captain
    // Chris Paterson said"), and a later "born in Perth, Scotland" names a second town, not the dateline's.
    private static DatelineTown? TownSettledByDateline(AnalyzedDocument document, List<NameCandidate> found, HashSet<int> people)
    {
        var first = 0;
        while (first < found.Count && found[first].FirstToken < document.TitleTokenCount)
        {
            first++;
        }

        if (first == found.Count || people.Contains(first) || !IsDateline(document, found[first].FirstToken, found[first].LastToken)
            || QualifierOf(document, found, first) is not { } qualifier
            || !qualifier.Readings.Any(q => q.Kind is EntityKind.Country or EntityKind.Subdivision))
        {
            return null;
        }

        var there = found[first].Readings.Where(r => qualifier.Readings.Any(q => Qualifies(q, r))).ToList();
        return there.Count > 0 || IsTownOfAnotherCountry(found[first].Readings, found[first].Readings, qualifier)
            ? new DatelineTown(found[first], there)
            : null;
    }

    // The dateline's town and the readings its qualifier settled on (none: a town the gazetteer does not know).
    private sealed record DatelineTown(NameCandidate Name, List<GazetteerEntry> Readings)
    {
        // The readings another mention of the same name takes, or null where it is another name.
        public List<GazetteerEntry>? For(NameCandidate candidate) =>
            candidate != Name && Name.Readings.SequenceEqual(candidate.Readings) ? Readings : null;
    }

    // "ST PETERSBURG, Russia (Reuters)", "PANAMA CITY, Panama -": a dateline's country or state after the comma says
    // where the town is, and none of the towns known by the name lies there, so the story names a town the gazetteer
    // does not know, not Florida's. Only in a dateline: in a sentence the comma ends a phrase ("In Fallujah, U.S.
    // Marines fought") or a list ("in Fallujah, Jordan and Egypt"). A capital or a city of a million keeps its name
    // after a country, but not after a state or province that is only that ("PHILADELPHIA, Miss.": the Mississippi
    // town, too small for the gazetteer, not Pennsylvania's city).
    private static bool IsTownOfAnotherCountry(List<GazetteerEntry> readings, List<GazetteerEntry> all, NameCandidate? qualifier) =>
        qualifier is not null
        && qualifier.Readings.Any(q => q.Kind is EntityKind.Country or EntityKind.Subdivision)
        && readings.All(r => r.Kind == EntityKind.City && (!IsMajor(r, all) || IsOnlyAState(qualifier))
            && !qualifier.Readings.Any(q => Qualifies(q, r)));

    private static bool IsOnlyAState(NameCandidate qualifier) => qualifier.Readings.All(q => q.Kind == EntityKind.Subdivision);

    // Cities of like size in different countries, none of them what the name most likely means and nothing in the
    // story saying which ("Newcastle": South Africa's, Australia's and England's): the story names no place by it,
    // rather than the largest namesake.
    private static bool IsUndecided(List<(GazetteerEntry Reading, ReadingWeight Weight)> ranked) =>
        ranked.Count > 1
        && ranked[0].Reading.Kind == EntityKind.City
        && ranked.Skip(1).Any(r => r.Weight == ranked[0].Weight && r.Reading.Kind == EntityKind.City
            && r.Reading.CountryCode != ranked[0].Reading.CountryCode && r.Reading.Population * ComparableSize >= ranked[0].Reading.Population);

    // A namesake at least a third of the largest one's size is as likely meant.
    private const int ComparableSize = 3;

    // What ranks a name's readings before their size: the story's qualifier, the name's likeliest meaning, the story's
    // other places, the kind of place.
    private readonly record struct ReadingWeight(bool Qualified, bool Major, bool Supported, int Prior);

    private static string? CountryNamedWithoutDoubt(NameCandidate candidate)
    {
        var countries = candidate.Readings.Where(r => r.Kind != EntityKind.Organisation && !r.NeedsContext && !r.IsPostalCode)
            .Select(r => r.CountryCode).Distinct().ToList();
        return countries.Count == 1 && countries[0] is { } code && code != "*" ? code : null;
    }

    // Whether another name in the story places it in the country of one of this name's readings ("Vladimir" in a story
    // that names Russia may well be the city; in one about England it is a footballer's first name). The same name
    // again is no other name: "Adrian Mutu" twice does not make Adrian a town in Michigan.
    private static bool IsBackedByOtherNames(List<NameCandidate> found, List<string?> named, int index) =>
        named.Where((code, other) => other != index && code is not null && !found[other].Readings.SequenceEqual(found[index].Readings))
            .Any(code => found[index].Readings.Any(r => r.CountryCode == code));

    // Whether the story's other places back a reading. A subdivision that shares its name with a country (Taiwan the
    // country and China's province of that name, Georgia the country and the US state, Gaza and Mozambique's province)
    // needs more than its parent country named: a story about China and Taiwan names China because it is about the
    // two. It needs a place inside it (Atlanta for Georgia) or another subdivision of its country (Florida).
    private static bool IsSupported(GazetteerEntry reading, NameCandidate candidate, HashSet<string> countries, Func<Regions> inside)
    {
        if (reading.Kind == EntityKind.Subdivision
            && candidate.Readings.Any(r => r.Kind == EntityKind.Country && r.CountryCode != reading.CountryCode))
        {
            var regions = inside();
            return regions.Subdivisions.Contains(reading.Id) || regions.SiblingCountries.Contains(reading.CountryCode!);
        }

        return reading.CountryCode is { } code && countries.Contains(code);
    }

    // "Georgia Gov. Sonny Perdue", "Georgia Governor Sonny Perdue": a US state named like a country is the state right
    // before its governor's title, which the press gives the states' governors, and so is every other mention of the
    // name in the story (one name, one place: "... said Georgia will ask for aid"). Before, "Georgia Gov. Sonny
    // Perdue signs budget" named the Caucasus country. US states only, since elsewhere the title is as often a
    // country's own ("former Taiwan Governor James Soong", "Hong Kong Governor Chris Patten", "Luxembourg Governor Yves
    // Mersch" of its central bank); not a territory that is also its own entry ("Puerto Rico Gov."), nor after "of"
    // ("National Bank of Georgia Governor"). Null (and nothing allocated) in the many stories with no such name.
    private static HashSet<GazetteerEntry>? StatesNamedBeforeTheirGovernors(AnalyzedDocument document, List<NameCandidate> found)
    {
        HashSet<GazetteerEntry>? states = null;
        foreach (var candidate in found)
        {
            foreach (var reading in candidate.Readings)
            {
                if (reading is { Kind: EntityKind.Subdivision, CountryCode: "US" }
                    && candidate.Readings.Any(r => r.Kind == EntityKind.Country && r.CountryCode != "US" && reading.Id != "US-" + r.CountryCode)
                    && Beside(document, candidate.FirstToken - 1, candidate.FirstToken)?.Surface != "of"
                    && IsFollowedByOneOf(document, candidate.LastToken, GovernorsTitles))
                {
                    (states ??= []).Add(reading);
                }
            }
        }

        return states;
    }

    private static readonly HashSet<string> GovernorsTitles = new(StringComparer.Ordinal) { "gov", "governor" };

    // The subdivisions a story names, and the countries whose subdivisions it names (for their siblings).
    private sealed record Regions(HashSet<string> Subdivisions, HashSet<string> SiblingCountries);

    // The subdivisions the story names, by a city inside them ("US-GA" for Atlanta) or by themselves, each name read as
    // it would be without this rule (so "BEIJING" is the capital, not the municipality). A subdivision also vouches for
    // its siblings: Florida for every US state, whichever Florida it is (Uruguay has one too). A name that is also a
    // country's, or a person's, tells nothing about subdivisions. Worked out only for a story that needs it.
    private static Regions RegionsNamed(List<NameCandidate> found, HashSet<int> people, HashSet<string> countries)
    {
        var regions = new Regions(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        for (var c = 0; c < found.Count; c++)
        {
            var readings = found[c].Readings.Where(r => r.Kind != EntityKind.Organisation && !r.NeedsContext && !r.IsPostalCode).ToList();
            if (readings.Count == 0 || people.Contains(c) || readings.Any(r => r.Kind == EntityKind.Country))
            {
                continue;
            }

            var likely = readings
                .OrderByDescending(r => IsMajor(r, found[c].Readings))
                .ThenByDescending(r => r.CountryCode is { } code && countries.Contains(code))
                .ThenBy(r => Prior(r, dateline: false))
                .ThenByDescending(r => r.Population)
                .First();
            if (likely.SubdivisionCode is { } code)
            {
                regions.Subdivisions.Add(code);
            }

            if (likely.Kind == EntityKind.Subdivision)
            {
                regions.SiblingCountries.UnionWith(readings.Where(r => r.Kind == EntityKind.Subdivision).Select(r => r.CountryCode!));
            }
        }

        return regions;
    }

    // The place named after a comma that says which of its namesakes a name is: "Paris, Texas", "Jackson, Miss.".
    private static NameCandidate? QualifierOf(AnalyzedDocument document, List<NameCandidate> found, int index)
    {
        var next = index + 1 < found.Count ? found[index + 1] : null;
        return next is not null && CommaBetween(document, found[index].LastToken, next.FirstToken) ? next : null;
    }

    // Whether the story itself says a name is a place: "in Hamm", a dateline, "Jackson, Miss.".
    // "lost to Taylor Dent ... Dent served well": a word of place before a given name says nothing once the story
    // writes the name's surname again on its own.
    private static bool IsNamedAsPlace(AnalyzedDocument document, List<NameCandidate> found, int index) =>
        (InPlaceContext(document, found[index]) && !PersonNames.SurnameRecurs(document, found[index].LastToken))
        || IsDateline(document, found[index].FirstToken, found[index].LastToken)
        || QualifierOf(document, found, index) is not null;

    private static bool InPlaceContext(AnalyzedDocument document, NameCandidate candidate) =>
        candidate.FirstToken > 0
        && PlaceContextWords.Contains(document.Tokens[candidate.FirstToken - 1].Stem)
        && document.IsTitle(document.Tokens[candidate.FirstToken - 1].Position) == document.IsTitle(document.Tokens[candidate.FirstToken].Position);

    private static bool Admissible(AnalyzedDocument document, NameCandidate candidate, GazetteerEntry reading, NameCandidate? previous, NameCandidate? qualifier, HashSet<string> support)
    {
        if (reading.IsPostalCode)
        {
            // "AUSTIN, TX": only right after a city and a comma.
            return previous is not null && previous.Readings.Any(r => r.Kind == EntityKind.City)
                && CommaBetween(document, previous.LastToken, candidate.FirstToken);
        }

        // A province whose name belongs to a large city abroad (Portland, Jamaica) needs what a town named like a
        // person needs, or its own country named in the story; so does a smaller place named like an everyday word in a
        // headline that capitalises every word ("Stocks Plunge", but "Wind Farm Approved in Plunge").
        if (!reading.NeedsContext && !(IsOutweighedAbroad(reading, candidate.Readings) && !support.Contains(reading.CountryCode!))
            && !IsWordInATitleCaseHeadline(document, candidate, reading))
        {
            return true;
        }

        // "Forecasts from Nokia": a town the news names a company after is the town only in a dateline, qualified, or
        // named by the town's own words ("the town of Nokia").
        return qualifier is not null
            || IsDateline(document, candidate.FirstToken, candidate.LastToken)
            || (reading.IsNamedInOrdinaryWords
                ? IsInsideTheTownNamedInOrdinaryWords(document, candidate)
                : reading.NamesACompanyFirst
                ? IsNamedAsATown(document, candidate)
                // "A tape from Abu Musab al-Zarqawi": the town's name goes on into a longer name, so "from" is no context.
                : (InPlaceContext(document, candidate) && !PersonNames.NameGoesOn(document, candidate.LastToken))
                    || (reading.IsCapital && NamesCapitalsInstitution(document, candidate)));
    }

    // "in New Haven": "in" right before, and no capitalised word after to carry the name on ("in Bowling Green State").
    private static bool IsInsideTheTownNamedInOrdinaryWords(AnalyzedDocument document, NameCandidate candidate) =>
        Beside(document, candidate.FirstToken - 1, candidate.FirstToken) is { Surface: "in" }
        && !(Beside(document, candidate.LastToken + 1, candidate.LastToken) is { IsStopWord: false } next
            && char.IsUpper(document.TextOf(next)[next.Start]));

    // "Washington urged Tehran to halt enrichment", "Washington's envoy to Kabul", "talks between Pyongyang and
    // Washington", "ties with Washington": a capital whose name needs context ("Washington" beside the state) is the
    // capital, the seat of its government, where the name speaks as that government or another deals with it. Only
    // right before a verb of saying, urging or demanding (or one of its envoys or policies), not after a given name
    // ("Denzel Washington said") or "of" ("the University of Washington said"); or after "toward", "between ... and",
    // or "with" after a word of relations; or paired by "and" with a capital abroad ("Seoul and Washington",
    // "Washington and Moscow"): the state votes, sues, plays games, "will conduct a recount" and is paired with Oregon.
    private static bool ActsAsTheGovernment(AnalyzedDocument document, List<NameCandidate> found, int index)
    {
        var candidate = found[index];
        var (first, last) = (candidate.FirstToken, candidate.LastToken);
        var before = Beside(document, first - 1, first);
        var speaks = Beside(document, last + 1, last) is { } verb && GovernmentActs.Contains(verb.Stem)
            && PersonNames.OneSpaceBetween(document.TextOf(verb), document.Tokens[last], verb)
            && !(before is { } word && ((WrittenWithACapital(document, first - 1, 1) && !word.IsStopWord) || word.Surface == "of"));
        var dealtWith = before is { } preceding
            && ((preceding.Surface == "with" && Beside(document, first - 2, first) is { } relation && RelationsWords.Contains(relation.Stem))
                || preceding.Surface is "toward" or "towards" || IsSecondOfAPairBetween(document, first));
        return speaks || dealtWith || IsPairedWithAGovernmentAbroad(document, found, index);
    }

    // "Seoul and Washington", "Washington and Moscow": the other of the pair is a capital abroad by its likeliest
    // reading (Moscow, though Idaho has one), next to it across "and" in the same part of the story. A country is not
    // enough: "Washington and Canada" set the Fraser River's fishing limits, the state beside its neighbour.
    private static bool IsPairedWithAGovernmentAbroad(AnalyzedDocument document, List<NameCandidate> found, int index)
    {
        var candidate = found[index];
        var country = candidate.Readings.FirstOrDefault(r => r.IsCapital && r.NeedsContext)?.CountryCode;
        bool IsGovernmentAbroad(NameCandidate other) =>
            other.Readings.Any(r => r.IsCapital && !r.NeedsContext && r.CountryCode != country)
            && !other.Readings.Any(r => r.IsCapital && r.CountryCode == country);
        bool AndBetween(int left, int right) =>
            right == left + 2 && document.Tokens[left + 1].Surface == "and" && InOneField(document, left, right);
        return (index > 0 && AndBetween(found[index - 1].LastToken, candidate.FirstToken) && IsGovernmentAbroad(found[index - 1]))
            || (index + 1 < found.Count && AndBetween(candidate.LastToken, found[index + 1].FirstToken) && IsGovernmentAbroad(found[index + 1]));
    }

    // "between Pyongyang and Washington", "between North Korea and Washington".
    private static bool IsSecondOfAPairBetween(AnalyzedDocument document, int first)
    {
        if (document.Tokens[first - 1].Surface != "and")
        {
            return false;
        }

        for (var k = first - 3; k >= Math.Max(0, first - 5); k--)
        {
            if (document.Tokens[k].Surface == "between")
            {
                return InOneField(document, k, first);
            }
        }

        return false;
    }

    // Stems: "relations with", "ties with", "at odds with", "talks with".
    private static readonly HashSet<string> RelationsWords = new(StringComparer.Ordinal)
    {
        "relation", "tie", "odd", "talk", "dialogu", "rift", "disput", "tension", "allianc", "cooper", "negoti",
    };

    // Stems: "says", "urged", "warns", "accused", "envoy", "allies". Not "wants" or "pressed": the state's teams and
    // its university want revenge and press ahead (an independent review's probes).
    private static readonly HashSet<string> GovernmentActs = new(StringComparer.Ordinal)
    {
        "say", "said", "urg", "warn", "accus", "insist", "demand", "condemn", "welcom", "envoy", "ambassador", "diplomat",
        "polici", "ally", "alli",
    };

    // Once a story's "Washington" speaks as the government its other bare mentions are the capital too, unless the story
    // names a place in the state ("OLYMPIA, Wash.", "Seattle") or the mention carries the state's own words ("State of
    // Washington", "Washington voters", "Washington apple growers", "Washington Gov.", "Washington and Oregon": a word
    // right after it that is neither a stop word nor one of the government's verbs).
    // Null (and nothing allocated) in the many stories with no such name.
    private static HashSet<GazetteerEntry>? SeatsOfGovernment(AnalyzedDocument document, List<NameCandidate> found)
    {
        HashSet<GazetteerEntry>? seats = null;
        for (var c = 0; c < found.Count; c++)
        {
            foreach (var reading in found[c].Readings)
            {
                if (reading.IsCapital && reading.NeedsContext && ActsAsTheGovernment(document, found, c))
                {
                    (seats ??= []).Add(reading);
                }
            }
        }

        if (seats is null)
        {
            return null;
        }

        var states = found.Where(c => c.Readings.Any(seats.Contains))
            .SelectMany(c => c.Readings.Where(r => r.Kind == EntityKind.Subdivision)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var statesNamed = found.Any(c => !c.Readings.Any(seats.Contains)
            && c.Readings.All(r => states.Contains(r.Id) || (r.SubdivisionCode is { } code && states.Contains(code))));
        return statesNamed ? null : seats;
    }

    private static bool CarriesTheStatesWords(AnalyzedDocument document, NameCandidate candidate)
    {
        var (first, last) = (candidate.FirstToken, candidate.LastToken);
        if (Beside(document, first - 1, first)?.Surface is "of" or "and" or "or" or "across" or "eastern" or "western" or "central")
        {
            return true;
        }

        // "Washington voters", "Washington apple growers", "Washington Gov.", "Washington and Oregon"; not "Washington on
        // Monday asked", nor a verb of the government's.
        return Beside(document, last + 1, last) is { } word
            && (word.Surface is "and" or "or"
                || (!word.IsStopWord && !GovernmentActs.Contains(word.Stem) && !PersonNames.IsInTitleCaseHeadline(document, last + 1)));
    }

    // "the Washington Redskins", "The Washington Post", "Washington's Reagan National Airport": a capital whose name
    // needs context ("Washington" beside the state) is the capital where the next word names one of its own teams,
    // papers or airports. A list, since a state's own names are as many ("the Washington Supreme Court", "Washington
    // Democrat Patty Murray", "Washington's Puget Sound"); not in a headline that capitalises every word.
    private static bool NamesCapitalsInstitution(AnalyzedDocument document, NameCandidate candidate)
    {
        var next = candidate.LastToken + 1;
        if (next >= document.Tokens.Count || next == document.TitleTokenCount || PersonNames.IsInTitleCaseHeadline(document, next))
        {
            return false;
        }

        var (word, text) = (document.Tokens[next], document.TextOf(document.Tokens[next]));
        return char.IsUpper(text[word.Start]) && CapitalsInstitutions.Contains(word.Surface)
            && PersonNames.OneSpaceBetween(text, document.Tokens[candidate.LastToken], word);
    }

    // The capital's teams, papers and airports that carry its name (Washington's: the Redskins, Wizards, Capitals,
    // Nationals, Mystics, Freedom and the Senators of old; the Post and the Times; Reagan National and Dulles).
    private static readonly HashSet<string> CapitalsInstitutions = new(StringComparer.Ordinal)
    {
        "redskins", "wizards", "capitals", "nationals", "mystics", "freedom", "senators", "post", "times", "reagan", "dulles",
    };

    // A place qualified by what follows the comma: "Paris, Texas" is the city in Texas, "Birmingham, England" the English
    // one, "Darlington, England" the district in England; a city of the country whose subdivision the data does not
    // give may be in it ("Hyderabad, Andhra Pradesh"), one that lies in another is not ("Bangor, Wales" is not Northern
    // Ireland's).
    private static bool Qualifies(GazetteerEntry qualifier, GazetteerEntry place) =>
        qualifier.Kind switch
        {
            EntityKind.Subdivision => place.LiesInSubdivision(qualifier.Id)
                || (place.CountryCode == qualifier.CountryCode && place.Kind == EntityKind.City && place.SubdivisionCode is null),
            EntityKind.Country => place.CountryCode == qualifier.CountryCode,
            _ => false,
        };

    // What an unqualified name most likely means: a country, a people, a city of a million or a capital of a hundred
    // thousand (Victoria is more often Australia's state or Canada's city than the Seychelles' capital), a subdivision
    // unless it is a small country's and the name belongs to a city of a hundred thousand abroad while its own country
    // has none by that name, even one this story gives no context for (Manchester is England's city, not Jamaica's
    // parish; Portland, Oregon, not Portland, Jamaica).
    private static bool IsMajor(GazetteerEntry entry, List<GazetteerEntry> readings) => entry.Kind switch
    {
        EntityKind.City => entry.Population >= CityOfAMillion || (entry.IsCapital && entry.Population >= LargeCity),
        EntityKind.Subdivision => !IsOutweighedAbroad(entry, readings),
        // A country's short name that needs context ("in Trinidad") gives way to a town of the story's country.
        EntityKind.Country => !entry.NeedsContext,
        _ => true,
    };

    // A small country's province named like a city of a hundred thousand abroad, while its own country has no such
    // city by the name. Larger countries' provinces keep their name (Ontario is not Ontario, California; Bali not Bali
    // in India).
    private static bool IsOutweighedAbroad(GazetteerEntry entry, List<GazetteerEntry> readings) =>
        entry.IsInSmallCountry
        && readings.Any(r => IsLargeCity(r) && r.CountryCode != entry.CountryCode)
        && !readings.Any(r => IsLargeCity(r) && r.CountryCode == entry.CountryCode);

    // Where an outweighed subdivision ranks among readings of like weight: after every city.
    private const int OutweighedPrior = 6;

    private const int LargeCity = 100_000;

    private const int CityOfAMillion = 1_000_000;

    private static bool IsLargeCity(GazetteerEntry entry) => entry.Kind == EntityKind.City && entry.Population >= LargeCity;

    // A dateline is a city: "NEW YORK (Reuters)" is the city of eight million, where "New York" in the text is as often
    // the state ("New York Governor George Pataki").
    private static int Prior(GazetteerEntry entry, bool dateline) => entry.Kind switch
    {
        EntityKind.Organisation => 0,
        EntityKind.Country => 1,
        EntityKind.Nationality => 2,
        EntityKind.City when entry.IsCapital && entry.Population >= LargeCity => 3,
        EntityKind.City when dateline && entry.Population >= CityOfAMillion => 3,
        EntityKind.Subdivision => 4,
        _ => 5,
    };

    /// <summary>Whether the candidate opens the body as a dateline: "AUSTIN, Texas (Reuters) -", "KABUL -".</summary>
    internal static bool IsDateline(AnalyzedDocument document, int firstToken, int lastToken)
    {
        var tokens = document.Tokens;
        if (firstToken != document.TitleTokenCount || firstToken >= tokens.Count)
        {
            return false;
        }

        return EndsLikeADateline(document.Body.AsSpan(tokens[lastToken].End));
    }

    // What follows a dateline's place: a comma ("AUSTIN, Texas"), a parenthesis ("(Reuters)") or a dash.
    private static bool EndsLikeADateline(ReadOnlySpan<char> after)
    {
        after = after.TrimStart();
        return !after.IsEmpty && after[0] is ',' or '(' or '-' or '\u2013' or '\u2014';
    }

    // A short town or region name written in capitals inside ordinary text is an acronym ("GAO: Outsourcing could
    // hurt IT employment", "the GAO's report", "ATI"), unless it has a dateline's shape: followed by a parenthesis, a
    // comma, a dash or, in the body, a colon ("GAO, Mali (AP) -", "LIMA (Reuters) -", "ROME : Juventus..."), wherever
    // it stands (after a byline, a summary or the source's name). Longer names in capitals ("SHANGHAI ATP:", "SAN
    // FRANCISCO Mission District") stay places, as do names in a text written all in capitals and names the gazetteer
    // itself writes in capitals (Exact rule).
    private static bool IsAcronym(AnalyzedDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        var text = document.TextOf(document.Tokens[start]);
        var written = text.AsSpan(tokens[start].Start, tokens[end].End - tokens[start].Start);
        var possessive = written.EndsWith("'s", StringComparison.Ordinal) || written.EndsWith("\u2019s", StringComparison.Ordinal);
        var letters = possessive ? written[..^2] : written;
        if (start != end || letters.Length is < 2 or > MaxAcronymLength || letters.ContainsAnyExceptInRange('A', 'Z') || !text.AsSpan().ContainsAnyInRange('a', 'z'))
        {
            return false;
        }

        // A body's dateline may also end in a colon ("ROME : Juventus extended..."); a headline's colon labels it
        // ("GAO: Outsourcing could hurt...").
        var after = text.AsSpan(tokens[end].End);
        var bodyColon = start >= document.TitleTokenCount && after.TrimStart().StartsWith(':');
        return possessive || !(EndsLikeADateline(after) || bodyColon);
    }

    private static bool CommaBetween(AnalyzedDocument document, int leftToken, int rightToken)
    {
        if (rightToken != leftToken + 1)
        {
            return false;
        }

        var left = document.Tokens[leftToken];
        var right = document.Tokens[rightToken];
        if (document.IsTitle(left.Position) != document.IsTitle(right.Position))
        {
            return false;
        }

        var text = document.IsTitle(left.Position) ? document.Title : document.Body;
        return text.AsSpan(left.End, right.Start - left.End).Trim().SequenceEqual(",");
    }

    private static bool Matches(AnalyzedDocument document, int start, Alias alias)
    {
        var tokens = document.Tokens;
        var end = start + alias.Stems.Length - 1;
        if (end >= tokens.Count || (start < document.TitleTokenCount) != (end < document.TitleTokenCount))
        {
            return false;
        }

        for (var k = 1; k < alias.Stems.Length; k++)
        {
            if (!string.Equals(tokens[start + k].Stem, alias.Stems[k], StringComparison.Ordinal)
                || tokens[start + k].Position != tokens[start + k - 1].Position + 1)
            {
                return false;
            }
        }

        var text = document.TextOf(document.Tokens[start]);
        if (alias.EndsWithStop && (tokens[end].End >= text.Length || text[tokens[end].End] != '.'))
        {
            return false;
        }

        return alias.Rule switch
        {
            CaseRule.Exact => LettersOnly(text.AsSpan(tokens[start].Start, tokens[end].End - tokens[start].Start)).Equals(alias.Letters, StringComparison.Ordinal),
            CaseRule.CapitalsAsWritten => HasEachCapital(text, tokens, start, alias),
            _ => true,
        };
    }

    // A name of ordinary words is the name only with its capitals, each word's: "Salt Lake City", not "Salt lake city"
    // or "a long beach walk"; "Isle of Man" keeps its lower-case "of".
    private static bool HasEachCapital(string text, IReadOnlyList<AnalyzedToken> tokens, int start, Alias alias)
    {
        for (var k = 0; k < alias.Capitals.Length; k++)
        {
            if (alias.Capitals[k] && !char.IsUpper(text[tokens[start + k].Start]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SurfacesBegin(AnalyzedDocument document, int start, Alias alias)
    {
        for (var k = 0; k < alias.Surfaces.Length; k++)
        {
            if (!document.Tokens[start + k].Surface.StartsWith(alias.Surfaces[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameSurfaces(AnalyzedDocument document, int start, Alias alias)
    {
        for (var k = 0; k < alias.Surfaces.Length; k++)
        {
            if (!string.Equals(document.Tokens[start + k].Surface, alias.Surfaces[k], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static string LettersOnly(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[Math.Min(text.Length, 128)];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && n < buffer.Length)
            {
                buffer[n++] = c;
            }
        }

        return new string(buffer[..n]);
    }

    // Edits between two names, a swap of neighbouring letters counting as one ("Japna" is one edit from "Japan").
    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>
    /// Whether the data gives this country's cities their state, province or nation from GeoNames' own codes, as the
    /// press writes it after a city ("AUSTIN, Texas", "TORONTO, Ont.", "GLASGOW, Scotland"): the United States, Canada,
    /// Australia and Britain. Elsewhere a city's subdivision is learnt, may be missing, and the press names the country
    /// ("MUNICH, Germany").
    /// </summary>
    public static bool GivesCitiesTheirStates(string? countryCode) => countryCode is "US" or "CA" or "AU" or "GB";

    /// <summary>Whether two place names are one but for case and accents ("Kabul" and "Kābul").</summary>
    public static bool SameName(string first, string second) =>
        string.Compare(first, second, CultureInfo.InvariantCulture, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    private static Gazetteer LoadDefault()
    {
        var gazetteer = new Gazetteer();
        gazetteer.LoadOrganisations(ReadResource("organisations.tsv"));
        var places = ReadResource("places.tsv").ToLookup(r => r[0] == "area");
        gazetteer.LoadPlaces([.. places[false]]);
        gazetteer.Areas = new WorldAreas(places[true]);
        gazetteer.LoadCounties(ReadResource("us-counties.tsv"));
        gazetteer.SortAliases();
        return gazetteer;
    }

    private static List<string[]> ReadResource(string name) => EntityData.Lines(name).ConvertAll(line => line.Split('\t'));

    private static string[] Names(string field) => field.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Plain(string name) => name.TrimStart('=', '^');

    private void LoadPlaces(List<string[]> rows)
    {
        var entries = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        var townsByCountry = rows.Where(r => r[0] == "city").GroupBy(r => r[2], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        // Larger places first, so the likelier reading of a shared name is the one a constraint resolves to. The data
        // gives subdivisions no size: of those that share a name, the larger country's, by the towns it holds, comes
        // first (`place:Montana` is the American state, not Bulgaria's province; Punjab India's, Nord France's, Bari
        // Italy's).
        foreach (var row in rows.OrderBy(r => KindOrder(r[0]))
            .ThenByDescending(r => r[0] == "subdivision" ? townsByCountry.GetValueOrDefault(r[2]) : 0)
            .ThenByDescending(r => int.Parse(r[4], CultureInfo.InvariantCulture)))
        {
            var (kind, id, country, subdivision, flags, names) = (row[0], row[1], row[2], row[3], row[5], Names(row[6]));
            // A press region is its own place even beside another of its country's ("Bombay" is not "Kashmir"); a
            // subdivision's name that needs context ("Sicily", beside "Sicilia"), or a city's press name that does
            // ("Washington" for the capital, beside the state), is its own reading of the same place.
            var key = kind + ":" + id + (flags.Contains('p', StringComparison.Ordinal) ? ":postal" : string.Empty)
                + (kind == "region" ? ":" + Plain(names[0]) : string.Empty)
                + (IsReadingNeedingContext(kind, flags, row[4]) ? ":context" : string.Empty);
            if (!entries.TryGetValue(key, out var entry))
            {
                // A city's reading that needs context is still that city: its size and rank (the generated row comes first).
                var sameCity = key != kind + ":" + id && entries.TryGetValue(kind + ":" + id, out var city) ? city : null;
                entry = new GazetteerEntry(
                    kind is "region" ? Plain(names[0]).ToLowerInvariant() : id,
                    Plain(names[0]),
                    kind switch
                    {
                        "country" => EntityKind.Country,
                        "nationality" => EntityKind.Nationality,
                        "subdivision" => EntityKind.Subdivision,
                        _ => EntityKind.City,
                    },
                    country)
                {
                    SubdivisionCode = kind == "subdivision" ? id : subdivision == "-" ? null : subdivision,
                    ParentSubdivisionCode = kind == "subdivision" && subdivision != "-" && subdivision != id ? subdivision : null,
                    Population = sameCity?.Population ?? int.Parse(row[4], CultureInfo.InvariantCulture),
                    IsCapital = flags.Contains('c', StringComparison.Ordinal) || sameCity?.IsCapital == true,
                    NeedsContext = flags.Contains('w', StringComparison.Ordinal),
                    NamesACompanyFirst = flags.Contains('k', StringComparison.Ordinal),
                    IsNamedInOrdinaryWords = flags.Contains('o', StringComparison.Ordinal),
                    IsPostalCode = flags.Contains('p', StringComparison.Ordinal),
                    IsNation = flags.Contains('n', StringComparison.Ordinal),
                    CountryTownCount = townsByCountry.GetValueOrDefault(country),
                };
                entries[key] = entry;
                if (kind is "country" or "subdivision" && !entry.IsPostalCode)
                {
                    byKey.TryAdd(id, entry);
                }

                if (kind is "country")
                {
                    countriesByCode.TryAdd(id, entry);
                }
            }

            foreach (var name in names)
            {
                AddAlias(name, entry);
            }
        }
    }

    // `place:Santiago` is Chile's capital, not the Dominican province; `place:Sucre` Bolivia's, not a Colombian or
    // Venezuelan state: a large capital's name means the capital before another country's subdivision of that name. Its
    // own country's stays (`place:Berlin`, `place:Tokyo`: the state and the prefecture that hold the city, which the
    // data does not always say of a city abroad).
    private static bool IsCapitalBeforeForeignProvince(GazetteerEntry capital, GazetteerEntry held) =>
        capital is { Kind: EntityKind.City, IsCapital: true, Population: >= LargeCity } && held.Kind == EntityKind.Subdivision
        && held.CountryCode != capital.CountryCode;

    // A country's or a subdivision's name flagged as needing context, or a city's press name (no population of its own)
    // so flagged.
    private static bool IsReadingNeedingContext(string kind, string flags, string population) =>
        flags.Contains('w', StringComparison.Ordinal) && (kind is "country" or "subdivision" || (kind == "city" && population == "0"));

    private static int KindOrder(string kind) => kind switch
    {
        "country" => 0,
        "nationality" => 1,
        "subdivision" => 2,
        "region" => 3,
        _ => 4,
    };

    private void LoadCounties(List<string[]> rows)
    {
        foreach (var row in rows)
        {
            countyStates[string.Join(' ', TextAnalyzer.Analyze(row[0]).Select(t => t.Surface))] = Names(row[1]);
        }
    }

    private void LoadOrganisations(List<string[]> rows)
    {
        foreach (var row in rows)
        {
            var names = Names(row[1]);
            var entry = new GazetteerEntry(row[0], Plain(names[0]), EntityKind.Organisation, row[2], row.Length > 3 ? row[3] : null);
            byKey[row[0]] = entry;
            foreach (var name in names)
            {
                AddAlias(name, entry);
            }
        }
    }

    private void AddAlias(string name, GazetteerEntry entry)
    {
        var rule = name[0] switch
        {
            '=' => CaseRule.Exact,
            '^' => CaseRule.CapitalsAsWritten,
            _ => CaseRule.AnyCase,
        };
        var written = Plain(name);
        var tokens = TextAnalyzer.Analyze(written);
        var stems = tokens.Select(t => t.Stem).ToArray();
        if (stems.Length == 0)
        {
            return;
        }

        if (rule != CaseRule.Exact && !entry.IsPostalCode && !byKey.TryAdd(written, entry) && IsCapitalBeforeForeignProvince(entry, byKey[written]))
        {
            byKey[written] = entry;
        }

        if (!aliasesByFirstStem.TryGetValue(stems[0], out var list))
        {
            aliasesByFirstStem[stems[0]] = list = [];
        }

        var letters = rule == CaseRule.Exact ? LettersOnly(written) : null;
        // A press abbreviation written with its full stop is read only with it: "WINNIPEG, Man." is Manitoba, "Man Utd"
        // and "Man held" are not.
        var endsWithStop = rule == CaseRule.Exact && written.EndsWith('.') && !written[..^1].Contains('.', StringComparison.Ordinal);
        var existing = list.FirstOrDefault(a => a.Rule == rule && a.Letters == letters && a.EndsWithStop == endsWithStop && a.Stems.AsSpan().SequenceEqual(stems));
        if (existing is null)
        {
            var capitals = tokens.Select(t => char.IsUpper(written[t.Start])).ToArray();
            list.Add(new Alias(stems, tokens.Select(t => t.Surface).ToArray(), capitals, rule, letters, endsWithStop, [entry]));
            AliasCount++;
        }
        else if (!existing.Readings.Contains(entry))
        {
            existing.Readings.Add(entry);
        }
    }

    private void SortAliases()
    {
        foreach (var list in aliasesByFirstStem.Values)
        {
            // Longest first: "South Africa" before "Africa", "Northern Alliance" before anything shorter.
            list.Sort((a, b) => b.Stems.Length.CompareTo(a.Stems.Length));
        }
    }

    private sealed record Alias(string[] Stems, string[] Surfaces, bool[] Capitals, CaseRule Rule, string? Letters, bool EndsWithStop, List<GazetteerEntry> Readings);

    }
