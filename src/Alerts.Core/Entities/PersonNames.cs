using System.Globalization;
using Alerts.Core.Text;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Entities;

/// <summary>
/// Tells place names from the people who carry them. "Colin Jackson", "Paul Hamm", "Paula Radcliffe": a town's name
/// after a given name, or after any capitalised word in the middle of a body sentence, ends a person's name; and a
/// story means one thing by one name, so once "Paul Hamm" is read, the headline's "Hamm hopes to get on a roll" is
/// the gymnast too, not the German city. A name still counts as a place where the story says so: "in Hamm", a
/// dateline, "Jackson, Miss.".
/// </summary>
internal sealed class PersonNames
{
    private static readonly Lazy<HashSet<string>> GivenNames = new(LoadGivenNames);

    // Capitalised words that may stand before a place name without making it part of a person's name.
    private static readonly HashSet<string> PlaceQualifiers = new(StringComparer.Ordinal)
    {
        "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "greater", "upper",
        "lower", "new", "old", "gulf", "downtown", "rural", "northeast", "northwest", "southeast", "southwest",
        "northeastern", "northwestern", "southeastern", "southwestern", "mainland", "coastal", "occupied",
    };

    private readonly AnalyzedDocument document;
    private readonly List<NameCandidate> found;

    private PersonNames(AnalyzedDocument document, List<NameCandidate> found)
    {
        this.document = document;
        this.found = found;
    }

    /// <summary>Whether a word is a known given name ("Colin", "Paula"), as written with its capital.</summary>
    public static bool IsGivenName(string word) => GivenNames.Value.Contains(word);

    /// <summary>The candidates (by index) that are parts of people's names in this story.</summary>
    public static HashSet<int> Find(AnalyzedDocument document, List<NameCandidate> found, Func<int, bool> namedAsPlace, Func<int, bool> backedByStory)
    {
        ArgumentNullException.ThrowIfNull(namedAsPlace);
        ArgumentNullException.ThrowIfNull(backedByStory);
        return new PersonNames(document, found).Find(namedAsPlace, backedByStory);
    }

    private HashSet<int> Find(Func<int, bool> namedAsPlace, Func<int, bool> backedByStory)
    {
        var people = new HashSet<int>();
        // The words read as a person's name somewhere in the story ("Hamm", and "Kobe" of "Kobe Bryant"), which it means
        // wherever else it writes them alone.
        var personsWords = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < found.Count; c++)
        {
            var candidate = found[c];
            var previous = c > 0 ? found[c - 1] : null;
            var titled = FollowsPersonsTitle(candidate, previous);
            if (candidate.IsOneWordTownOrRegion && AfterGivenName(candidate))
            {
                people.Add(c);
                personsWords.Add(document.Tokens[candidate.FirstToken].Surface);
                // "Paul Hamm": the given name is no place either, though Paul is a district of Cape Verde.
                if (previous is not null && previous.LastToken == candidate.FirstToken - 1 && !previous.IsCountry && !previous.IsPeopleOrOrganisation)
                {
                    people.Add(c - 1);
                }
            }
            else if (BeginsName(candidate, c + 1 < found.Count ? found[c + 1] : null, titled) && !namedAsPlace(c)
                && (titled || !backedByStory(c) || SurnameRecurs(document, candidate.FirstToken)))
            {
                people.Add(c);
                // "Sen. Lincoln Chafee ... Lincoln Chafee's father": after a title the name is the person's throughout.
                if (titled)
                {
                    personsWords.Add(document.Tokens[candidate.FirstToken].Surface);
                }
            }
            else if (candidate.IsOneWordTownOrRegion && FollowsJobTitle(candidate, previous))
            {
                people.Add(c);
                personsWords.Add(document.Tokens[candidate.FirstToken].Surface);
            }
            else if (EndsNameInBody(candidate, previous, out var twoTowns))
            {
                people.Add(c);
                if (twoTowns)
                {
                    people.Add(c - 1);
                    personsWords.Add(document.Tokens[previous!.FirstToken].Surface);
                }

                // A subdivision's name ends so many capitalised runs ("American Electric Power's Texas subsidiary")
                // that it is a surname throughout the story only after a rank: "Army Pfc. Lynndie England".
                if (candidate.IsOneWordCity || (candidate.IsOneWordTownOrRegion && FollowsRank(candidate)))
                {
                    personsWords.Add(document.Tokens[candidate.FirstToken].Surface);
                }
            }
        }

        for (var c = 0; c < found.Count; c++)
        {
            var candidate = found[c];
            if (!people.Contains(c) && candidate.IsOneWordTownOrRegion && personsWords.Contains(document.Tokens[candidate.FirstToken].Surface) && !namedAsPlace(c))
            {
                people.Add(c);
                // "in Kobe Bryant Rape Trial": the city before the surname is his too, whatever stands before it.
                if (c > 0 && IsTwoTownsInARow(candidate, found[c - 1]))
                {
                    people.Add(c - 1);
                }
            }
        }

        return people;
    }

    // "Colin Jackson: hard lessons", "gold medalist Paul Hamm": a given name, as written, right before the name.
    private bool AfterGivenName(NameCandidate candidate)
    {
        var first = candidate.FirstToken;
        if (first == 0 || first == document.TitleTokenCount)
        {
            return false;
        }

        var before = document.Tokens[first - 1];
        var text = TextOf(first);
        return document.IsTitle(before.Position) == document.IsTitle(document.Tokens[first].Position)
            && OneSpaceBetween(text, before, document.Tokens[first])
            && IsGivenName(text[before.Start..before.End]);
    }

    // "David Beckham", "Paul Hamm", "Mary Robinson": a given name that is also a town or a small country's district
    // (David in Panama, Paul in Cape Verde, Mary in Turkmenistan), right before a capitalised word that names nothing the
    // recogniser knows and is no everyday word (not "Charlotte Beats Miami" in a headline's capitals), is a first name,
    // unless the story names the place's country otherwise ("Atlanta Braves" in a story that names Georgia). After a
    // person's title ("Sen. Lincoln Chafee", "Senator Lincoln Chafee"), where a team's or a firm's name does not stand,
    // a large city or a state yields too, and so does a story that names its country.
    private bool BeginsName(NameCandidate candidate, NameCandidate? next, bool afterTitle)
    {
        var first = candidate.FirstToken;
        if (candidate.LastToken != first || candidate.IsCountry || candidate.IsPeopleOrOrganisation
            || (candidate.Readings.Any(IsProminent) && !afterTitle) || next?.FirstToken == first + 1)
        {
            return false;
        }

        var given = document.Tokens[first];
        return IsGivenName(TextOf(first)[given.Start..given.End]) && (NameGoesOn(document, first) || SurnameRecurs(document, first));
    }

    /// <summary>
    /// Whether the capitalised word after a given name that is also a town is a surname: "Taylor Dent ... Dent will face
    /// Andy Roddick". Even an everyday word ("Dent", "Bonds"), even where the story names the town's country ("at the US
    /// Open") or writes a word of place before it ("lost to Taylor Dent"), when the story writes it again on its own,
    /// capitalised inside a sentence, with no capitalised word either side and not after "the", as it writes a
    /// person's surname; a town's own words are not so written ("Warren Township", "the Trojans", "Jackson Police ...
    /// Capitol Police").
    /// </summary>
    public static bool SurnameRecurs(AnalyzedDocument document, int first)
    {
        ArgumentNullException.ThrowIfNull(document);
        var next = first + 1;
        if (next >= document.Tokens.Count || next == document.TitleTokenCount || IsInTitleCaseHeadline(document, next))
        {
            return false;
        }

        var (given, surname) = (document.Tokens[first], document.Tokens[next]);
        var text = document.TextOf(surname);
        if (!IsGivenName(document.TextOf(given)[given.Start..given.End]) || !IsWrittenAsName(text, surname) || !OneSpaceBetween(text, given, surname)
            || surname.IsStopWord || PlaceQualifiers.Contains(surname.Surface) || IsDayOrMonth(surname.Surface))
        {
            return false;
        }

        foreach (var position in document.PositionsOf(surname.Stem))
        {
            var other = document.TokenIndexAt(position);
            if (other > 0 && other != next && other != document.TitleTokenCount && document.Tokens[other].Surface == surname.Surface
                && StandsAloneInASentence(document, other))
            {
                return true;
            }
        }

        return false;
    }

    // A capitalised word written on its own inside a sentence: not after "the", not one name with a capitalised word
    // beside it ("Capitol Police"; "Haas, Dent win" is two names), and not in a headline that capitalises every word.
    private static bool StandsAloneInASentence(AnalyzedDocument document, int index)
    {
        var (before, word) = (document.Tokens[index - 1], document.Tokens[index]);
        return IsWrittenAsName(document.TextOf(word), word) && !IsInTitleCaseHeadline(document, index) && before.Surface != "the"
            && !document.HasSentenceEndBetween(before.Position, word.Position)
            && !IsCapitalisedNeighbour(document, index - 1, index)
            && (index + 1 >= document.Tokens.Count || index + 1 == document.TitleTokenCount || !IsCapitalisedNeighbour(document, index, index + 1));
    }

    // Whether two neighbouring words of one field are both capitalised and written with one space between: one name.
    private static bool IsCapitalisedNeighbour(AnalyzedDocument document, int left, int right)
    {
        var (first, second) = (document.Tokens[left], document.Tokens[right]);
        var text = document.TextOf(first);
        return OneSpaceBetween(text, first, second) && char.IsUpper(text[first.Start]) && char.IsUpper(text[second.Start]);
    }

    /// <summary>
    /// Whether an everyday word is also a first name the press writes before a surname: "bill" (Bill Clinton), "gene"
    /// (Gene Robinson), "mark" (Mark Viduka). The given-name list leaves such words out (a headline's "Senate Passes
    /// Bill" would turn the next place into a surname), so they are named here: the words common in the news both ways,
    /// not titles ("prince", "king"), places' words ("north") or words a name often follows ("bank", "park").
    /// </summary>
    public static bool IsEverydayFirstName(string folded) => EverydayFirstNames.Contains(folded);

    private static readonly HashSet<string> EverydayFirstNames = new(StringComparer.Ordinal)
    {
        "art", "bill", "bob", "buck", "chip", "chuck", "cliff", "dawn", "dick", "drew", "dusty", "faith", "frank", "gene", "grace",
        "grant", "guy", "hope", "jack", "joy", "ken", "mark", "nick", "pat", "penny", "ray", "rich", "rod", "rose", "rusty",
        "skip", "sue", "wade",
    };

    /// <summary>
    /// Whether a token is a given name, written so ("Ira", "Al"), that begins a person's name: the name goes on with a
    /// capitalised word that is no everyday word ("Ira Newble"). Not in a headline that capitalises every word ("Ira
    /// Decommissioning Talks Stall"), where the next word's capital says nothing.
    /// </summary>
    public static bool BeginsPersonsName(AnalyzedDocument document, int token)
    {
        ArgumentNullException.ThrowIfNull(document);
        var word = document.Tokens[token];
        var text = document.TextOf(word);
        return IsWrittenAsName(text, word) && IsGivenName(text[word.Start..word.End]) && NameGoesOn(document, token)
            && !(document.IsTitle(word.Position) && CapitalisesEveryWord(document));
    }

    /// <summary>
    /// Whether a token is a surname after a given name written as a name, past middle initials ("Serena Williams",
    /// "Dick Parsons", "Julia F. Roberts"): the surname as <see cref="SurnameAfter"/> reads it (no everyday word, people
    /// or faith: "Roman Catholics"). Not after a place's word or a faith ("North Koreans", "Christian Serbs"), nor after
    /// a given name that ends a place's name or follows one ("St. Louis Cardinals", "Tampa Bay Buccaneers", "the Sydney
    /// Olympics"), nor in a headline that capitalises every word ("Chip Giant UMC"). A company named after its founder
    /// reads so too ("Hendrick Motorsports"): nothing tells it.
    /// </summary>
    public static bool IsSurnameAfterGivenName(AnalyzedDocument document, int token, Func<string, bool> namesAPeople)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(namesAPeople);
        if (token == 0 || token == document.TitleTokenCount || (token < document.TitleTokenCount && CapitalisesEveryWord(document)))
        {
            return false;
        }

        var given = token - 1;
        while (given > 0 && given != document.TitleTokenCount && document.IsInitialAt(document.Tokens[given].Position))
        {
            given--;
        }

        var word = document.Tokens[given];
        var text = document.TextOf(word);
        var name = text[word.Start..word.End];
        return IsWrittenAsName(text, word) && (IsGivenName(name) || IsEverydayFirstName(word.Surface))
            && !PlaceQualifiers.Contains(word.Surface) && !PeoplesOfRegionsAndFaiths.Contains(word.Surface)
            && Gazetteer.Default.Resolve(name) is null && !EndsAPlacesName(document, given)
            && SurnameAfter(document, given, namesAPeople) == token;
    }

    /// <summary>
    /// Whether a given name begins a person's name (see <see cref="BeginsPersonsName"/>) that is no people or faith
    /// ("Roman Catholics", "Christian Serbs" are not people called Roman and Christian).
    /// </summary>
    public static bool BeginsPersonsNameNotAPeople(AnalyzedDocument document, int token, Func<string, bool> namesAPeople)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(namesAPeople);
        if (!BeginsPersonsName(document, token))
        {
            return false;
        }

        var next = document.Tokens[token + 1];
        return !PeoplesOfRegionsAndFaiths.Contains(next.Surface) && !namesAPeople(document.TextOf(next)[next.Start..next.End]);
    }

    // "St. Louis", "San Diego", "Green Bay", "Tampa Bay": the word before a given name and the given name name a place
    // together, or that word is a place itself.
    private static bool EndsAPlacesName(AnalyzedDocument document, int given)
    {
        if (given == 0 || given == document.TitleTokenCount)
        {
            return false;
        }

        var (first, last) = (document.Tokens[given - 1], document.Tokens[given]);
        var text = document.TextOf(last);
        return Gazetteer.Default.Resolve(text[first.Start..last.End]) is not null
            || (char.IsUpper(text[first.Start]) && OneSpaceBetween(text, first, last) && Gazetteer.Default.Resolve(text[first.Start..first.End]) is not null);
    }

    /// <summary>
    /// Where an everyday word that is also a first name, written as the name itself ("Bill"; not "bill", "Bills" or
    /// "BILL"), begins a person's name: the token of the surname after it, past middle initials ("Bill Frist", "Bill
    /// H. Frist"), or -1. A headline's capitals say little, so there the body must name the same person ("Bill Clinton
    /// Recovers" over "Former President Bill Clinton"; not "Investors Sue Oracle"). <paramref name="namesAPeople"/>
    /// tells a people or a country ("Rich Americans"), which no surname is.
    /// </summary>
    public static int SurnameAfterEverydayFirstName(AnalyzedDocument document, int token, Func<string, bool> namesAPeople)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(namesAPeople);
        var word = document.Tokens[token];
        if (!IsEverydayFirstName(word.Surface) || !IsWrittenAsName(document.TextOf(word), word))
        {
            return -1;
        }

        var surname = SurnameAfter(document, token, namesAPeople);
        if (surname < 0 || (document.IsTitle(word.Position) && !BodyWritesSameName(document, word, document.Tokens[surname], namesAPeople)))
        {
            return -1;
        }

        return surname;
    }

    // The surname after a first name, past middle initials: a capitalised word of two letters or more and no figures
    // that is no stop word, place qualifier, everyday word, day, month, people or country ("Bill Frist"; not "Bill
    // C-38", "the Reform Bill Tuesday", "Rich Americans"); -1 when none follows.
    private static int SurnameAfter(AnalyzedDocument document, int token, Func<string, bool> namesAPeople)
    {
        var next = token + 1;
        while (next < document.Tokens.Count && next != document.TitleTokenCount && document.IsInitialAt(document.Tokens[next].Position))
        {
            next++;
        }

        if (next >= document.Tokens.Count || next == document.TitleTokenCount)
        {
            return -1;
        }

        var word = document.Tokens[next];
        var text = document.TextOf(word);
        var written = text.AsSpan(word.Start, word.End - word.Start);
        var separated = next > token + 1 || OneSpaceBetween(text, document.Tokens[token], word);
        // The people test last: it is the one look-up that copies the word out of the text.
        return separated && written.Length > 1 && char.IsUpper(written[0]) && !written.ContainsAnyInRange('0', '9') && !word.IsStopWord
            && !PlaceQualifiers.Contains(word.Surface) && !OrdinaryWords.Contains(word.Surface) && !IsDayOrMonth(word.Surface)
            && !PeoplesOfRegionsAndFaiths.Contains(word.Surface) && !namesAPeople(written.ToString())
            ? next
            : -1;
    }

    // Peoples named by their region or faith, which the gazetteer holds no country for ("Rich European nations").
    private static readonly HashSet<string> PeoplesOfRegionsAndFaiths = new(StringComparer.Ordinal)
    {
        "european", "europeans", "asian", "asians", "african", "africans", "arab", "arabs", "latin", "nordic", "scandinavian",
        "balkan", "caribbean", "mediterranean", "muslim", "muslims", "islamic", "jewish", "jews", "christian", "christians",
        "catholic", "catholics", "hindu", "hindus", "sunni", "sunnis", "shiite", "shiites",
    };

    // Days and months follow a noun in the press's dating ("the Reform Bill Tuesday") and are no surnames.
    private static bool IsDayOrMonth(string folded) => DayNames.Contains(folded) || DateSpelling.IsMonth(folded);

    private static readonly HashSet<string> DayNames =
        CultureInfo.InvariantCulture.DateTimeFormat.DayNames.Select(day => day.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

    // "Bill Clinton" in the headline, when the body writes the same first name and surname as a person's name.
    private static bool BodyWritesSameName(
        AnalyzedDocument document, AnalyzedToken given, AnalyzedToken surname, Func<string, bool> namesAPeople)
    {
        foreach (var position in document.PositionsOf(given.Stem))
        {
            var index = document.TokenIndexAt(position);
            if (!document.IsTitle(position) && index >= 0 && document.Tokens[index].Surface == given.Surface
                && SurnameAfter(document, index, namesAPeople) is var found and >= 0 && document.Tokens[found].Surface == surname.Surface)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a word is written as a name: a capital, then lower case ("Bill", "Ira").</summary>
    internal static bool IsWrittenAsName(string text, AnalyzedToken word) =>
        word.End - word.Start > 1 && char.IsUpper(text[word.Start]) && char.IsLower(text[word.Start + 1]);

    /// <summary>Whether a token lies in a headline that capitalises every word, where capitals say nothing of names.</summary>
    public static bool IsInTitleCaseHeadline(AnalyzedDocument document, int token) =>
        token < document.TitleTokenCount && CapitalisesEveryWord(document);

    /// <summary>
    /// Whether the headline capitalises every word that is no stop word ("Ira Decommissioning Talks Stall"), so its
    /// capitals say nothing of names.
    /// </summary>
    public static bool CapitalisesEveryWord(AnalyzedDocument document)
    {
        for (var t = 0; t < document.TitleTokenCount; t++)
        {
            var word = document.Tokens[t];
            if (!word.IsStopWord && char.IsLower(document.Title[word.Start]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the name ending at a token goes on, one space later, with a capitalised word that is no stop word, place
    /// qualifier or everyday word ("David Beckham", "Abu Musab"; not "Charlotte Beats Miami", "Abu North").
    /// </summary>
    public static bool NameGoesOn(AnalyzedDocument document, int lastToken)
    {
        var next = lastToken + 1;
        if (next >= document.Tokens.Count || next == document.TitleTokenCount)
        {
            return false;
        }

        var (last, word) = (document.Tokens[lastToken], document.Tokens[next]);
        var text = document.TextOf(document.Tokens[next]);
        return OneSpaceBetween(text, last, word) && char.IsUpper(text[word.Start]) && !word.IsStopWord
            && !PlaceQualifiers.Contains(word.Surface) && !OrdinaryWords.Contains(word.Surface);
    }

    // A place too well known to yield to a first name: a city of a quarter of a million, or a province of a country
    // larger than a handful of towns ("Florida Sen. Bob Graham", "Atlanta Falcons", "Victoria" the Australian state).
    private static bool IsProminent(GazetteerEntry reading) =>
        (reading.Kind == EntityKind.City && reading.Population >= 250_000) || (reading.Kind == EntityKind.Subdivision && !reading.IsInSmallCountry);

    // "Michael Jordan", "Denzel Washington": in the body, a place name right after a capitalised word that is not the
    // start of a sentence, a known name or a place qualifier is the end of a person's (or a company's) name, and so is
    // a town's name right after a city's, anywhere in a sentence (see IsTwoTownsInARow). Not in a headline, which
    // sets places beside companies' and teams' names ("United Airlines Chicago layoffs") and capitalises unevenly.
    private bool EndsNameInBody(NameCandidate candidate, NameCandidate? previous, out bool twoTowns)
    {
        var tokens = document.Tokens;
        var first = candidate.FirstToken;
        twoTowns = false;
        if (first <= document.TitleTokenCount || candidate.LastToken != first || candidate.IsPeopleOrOrganisation)
        {
            return false;
        }

        var before = tokens[first - 1];
        twoTowns = IsTwoTownsInARow(candidate, previous);
        if (previous is not null && previous.LastToken == first - 1 && !twoTowns)
        {
            return false;
        }

        var text = document.TextOf(before);
        if (before.Start >= text.Length || !char.IsUpper(text[before.Start]) || before.IsStopWord || PlaceQualifiers.Contains(before.Surface)
            || !OneSpaceBetween(text, before, tokens[first]))
        {
            return false;
        }

        // The capitalised word starts a sentence ("Police in Jordan said..." does not end in a name), unless the full
        // stop ends a rank or title ("Army Pfc. Lynndie England", "Sgt. Ivan Frederick").
        var lead = text.AsSpan(0, before.Start).TrimEnd();
        return twoTowns || (lead.Length > 0 && (lead[^1] is not ('.' or '!' or '?' or '"' or '\u201C' or ':' or '-' or '(') || EndsWithTitle(lead)));
    }

    // "Kobe Bryant", Kobe in Japan and Bryant in Arkansas: no English writes two towns in a row, so the first is a given
    // name the list lacks and the second a surname. Not a city's place, airport or club ("Chicago's Midway", "Seoul
    // Incheon airport", "Sparta Prague", "Brussels Charleroi"), nor a dateline before the story's first name ("BOSTON
    // Boston's"): the first written with its possessive, in capitals or a country's capital, the second a large city.
    private bool IsTwoTownsInARow(NameCandidate candidate, NameCandidate? previous)
    {
        if (previous is null || previous.LastToken != candidate.FirstToken - 1 || !previous.IsOneWordCity || !candidate.IsOneWordCity
            || previous.Readings.Any(r => r.IsCapital) || candidate.Readings.Any(IsProminent))
        {
            return false;
        }

        var (given, surname) = (document.Tokens[previous.FirstToken], document.Tokens[candidate.FirstToken]);
        var next = candidate.FirstToken + 1;
        return given.Surface != surname.Surface && OneSpaceBetween(document.TextOf(given), given, surname)
            && !document.IsPossessive(previous.FirstToken) && !document.IsWrittenInCapitals(given.Position)
            && !(next < document.Tokens.Count && next != document.TitleTokenCount && document.Tokens[next].Surface is "airport" or "airports");
    }

    // "PeopleSoft CEO Conway Says", "Lakers Coach Jackson": a job's title, capitalised, right before a town's name
    // makes it a surname, in a headline too, where the body's rule for capitalised words does not reach (see
    // EndsNameInBody). Not before a state or a large city, which a title word used as an adjective takes ("Premier
    // Paris Fashion House"; see FollowsPersonsTitle for a first name after a title).
    private bool FollowsJobTitle(NameCandidate candidate, NameCandidate? previous) =>
        !candidate.Readings.Any(IsProminent) && IsAfterJobTitle(candidate.FirstToken, previous);

    // "Sen. Lincoln Chafee", "Senator Lincoln Chafee": a person's title, abbreviated, or written in full outside a
    // headline that capitalises every word ("Premier Dallas Mavericks Fan Site Opens" is no premier's). A field's first
    // word needs no guard: only punctuation stands before it.
    private bool FollowsPersonsTitle(NameCandidate candidate, NameCandidate? previous)
    {
        var first = candidate.FirstToken;
        var name = document.Tokens[first];
        return EndsWithTitle(document.TextOf(name).AsSpan(0, name.Start).TrimEnd())
            || (IsAfterJobTitle(first, previous) && !IsInTitleCaseHeadline(document, first));
    }

    // A job's title written right before the word as the press writes one before a name: capitalised, one space
    // between; not after a possessive ("President's Texas Ranch", "Coach's Denver Broncos Legacy"), a verb's "to" or
    // an auxiliary ("Zook to Coach Illinois", "Shanahan Will Coach Denver Broncos"), nor where a place ends right
    // before it (the title word is part of the place's name).
    private bool IsAfterJobTitle(int first, NameCandidate? previous)
    {
        if (first == 0 || first == document.TitleTokenCount || previous?.LastToken == first - 1 || document.IsPossessive(first - 1)
            || (first >= 2 && first - 1 != document.TitleTokenCount && MakesAVerb(document.Tokens[first - 2])))
        {
            return false;
        }

        var (title, name) = (document.Tokens[first - 1], document.Tokens[first]);
        var text = document.TextOf(title);
        return char.IsUpper(text[title.Start]) && OneSpaceBetween(text, title, name) && JobTitlesBeforeNames.Contains(title.Surface);
    }

    // A word before a title word that makes it a verb: "to Coach", "Will Coach", "Won't Coach".
    private bool MakesAVerb(AnalyzedToken word)
    {
        var written = document.TextOf(word).AsSpan(word.Start, word.End - word.Start);
        return BeforeAVerb.Contains(word.Surface) || written.EndsWith("n't", StringComparison.OrdinalIgnoreCase)
            || written.EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> BeforeAVerb = new(StringComparer.Ordinal)
    {
        "to", "will", "would", "not", "can", "could", "should", "may", "might", "must", "shall",
    };

    private static readonly HashSet<string> JobTitlesBeforeNames = new(StringComparer.Ordinal)
    {
        "ceo", "chairman", "chairwoman", "president", "coach", "manager", "minister", "secretary", "senator", "governor",
        "mayor", "judge", "commissioner", "premier", "chancellor", "ambassador", "spokesman", "spokeswoman", "sheriff",
        "quarterback", "pitcher", "striker", "midfielder", "goalkeeper", "defender", "skipper",
    };

    // "Pfc. Lynndie England": the word before the name follows a rank or title.
    private bool FollowsRank(NameCandidate candidate)
    {
        var before = document.Tokens[candidate.FirstToken - 1];
        return EndsWithTitle(document.TextOf(before).AsSpan(0, before.Start).TrimEnd());
    }

    // "Pfc.", "Sgt.", "Dr.": the abbreviated rank or title written before a person's name.
    private static bool EndsWithTitle(ReadOnlySpan<char> lead)
    {
        if (lead.IsEmpty || lead[^1] != '.')
        {
            return false;
        }

        var word = lead[..^1];
        var start = word.Length;
        while (start > 0 && char.IsLetter(word[start - 1]))
        {
            start--;
        }

        word = word[start..];
        return !word.IsEmpty && char.IsUpper(word[0]) && TitlesBeforeNames.Contains(word);
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TitlesBeforeNames =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col", "maj", "capt", "cpl", "sgt", "pvt", "pfc",
            "spc", "adm", "cmdr", "rev",
        }.GetAlternateLookup<ReadOnlySpan<char>>();

    private string TextOf(int token) => document.TextOf(document.Tokens[token]);

    /// <summary>Whether two tokens of one text stand one space apart ("Washington Post", not "Washington-based").</summary>
    internal static bool OneSpaceBetween(string text, AnalyzedToken left, AnalyzedToken right) =>
        right.Start - left.End == 1 && text[left.End] == ' ';

    private static HashSet<string> LoadGivenNames() => new(EntityData.Lines("given-names.tsv"), StringComparer.Ordinal);
}
