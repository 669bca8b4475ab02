using System.Globalization;
using Alerts.Core.Entities;
using Alerts.Core.Text;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Scoring;

/// <summary>
/// Verifies one topic against one article and scores it. The score in [0, 1] adds up four signals, each the
/// same for every topic so one threshold (0.5 by default) means the same everywhere:
/// a base for the query matching (0.30), how many clauses the title carries (up to 0.25), how close together the
/// clauses, the actor and the place are (up to 0.30), and how often the clauses occur (up to 0.15). A topic whose
/// entity constraints fail keeps at most 40% of its score, below any sensible threshold, with the failure as
/// evidence.
/// </summary>
public static class TopicEvaluator
{
    /// <summary>Weight of the query matching at all.</summary>
    public const double BaseWeight = 0.30;

    /// <summary>Weight of clauses found in the title.</summary>
    public const double TitleWeight = 0.25;

    /// <summary>Weight of proximity of the query's clauses.</summary>
    public const double ProximityWeight = 0.30;

    /// <summary>Weight of repeated mentions.</summary>
    public const double FrequencyWeight = 0.15;

    /// <summary>
    /// The score of a query of one word group mentioned once, in the body: the base, full proximity (one clause is
    /// always together) and one of the three mentions that fill the frequency part (0.65).
    /// </summary>
    public const double OneMentionInTheBody = BaseWeight + ProximityWeight + (FrequencyWeight / 3);

    /// <summary>Multiplier when an entity constraint fails.</summary>
    public const double ConstraintFailurePenalty = 0.4;

    /// <summary>Highest score a near miss rescued by the semantic signal can reach: a full match always ranks above it.</summary>
    public const double MaxRescueScore = 0.75;

    /// <summary>Span (in words) at or under which proximity is perfect.</summary>
    public const int CloseSpan = 12;

    /// <summary>Span (in words) from which proximity counts for nothing.</summary>
    public const int FarSpan = 60;

    /// <summary>Words between an actor (nationality, country, alliance) and a matched clause.</summary>
    public const int ActorWindow = 6;

    /// <summary>Words between a place and a matched word for the place to be where the matched event happens ("troops in Iraq").</summary>
    public const int EventPlaceWindow = 3;

    /// <summary>Words between a generic actor word ("foreign", "international") and a matched clause.</summary>
    public const int ModifierWindow = 2;

    // Nouns for people and bodies that act where they are: "Iraqi militants", "Thai police", "Ivorian troops", the
    // state at home and its leaders ("Russian prosecutors", "Sudanese government", "Israeli Prime Minister Ariel
    // Sharon", "the former Serbian leader") and its companies ("Russian oil giant Yukos").
    private static readonly HashSet<string> ActingGroups = TextAnalyzer.StemsOf(
        "militants guerrillas gunmen gunman kidnappers captors insurgents rebels fighters troops soldiers forces police "
        + "militia militias army separatists terrorists mob protesters rioters demonstrators "
        + "authorities government officials prosecutors investigators court courts ministry company firm group giant "
        + "president premier minister ministers leader leaders cabinet parliament lawmakers legislators "
        + "overture offer proposal plan demand threat bid refusal decision warning pledge "
        + "bank producer maker");

    // Groups that hold or attack people, whose country is where they do it.
    private static readonly HashSet<string> ArmedGroups = TextAnalyzer.StemsOf(
        "militants guerrillas gunmen gunman kidnappers captors abductors insurgents rebels militia militias");

    // Words that liken an act to another: "Echoing the hostage crisis in Iraq".
    private static readonly HashSet<string> ComparisonWords = TextAnalyzer.StemsOf(
        "echo echoes echoing echoed like unlike since comparison comparisons compared modelled modeled inspired reminiscent recalling recalls");

    // A state's own bodies, which a country's initials before them name as its people ("US troops", "U.S. officials").
    private static readonly HashSet<string> StateBodies = TextAnalyzer.StemsOf(
        "troops soldiers forces military army navy marines airmen commanders generals warplanes jets gunships helicopters "
        + "officials diplomats envoy envoys negotiators administration government authorities police agents prosecutors "
        + "investigators ministers minister leaders lawmakers senators officers");

    // The people and things a story happens to: held or harmed ("Iraqi prisoners", "the Australian embassy").
    private static readonly HashSet<string> HeldOrHarmed = TextAnalyzer.StemsOf(
        "prisoner prisoners detainee detainees inmate inmates captive captives hostage hostages victim victims casualties "
        + "embassy embassies consulate consulates");

    // Harm or confinement a country's name stands before, after a word that makes the pair a noun phrase ("Generals
    // May Pay a Price for Iraq Abuse", "Charges reduced for Iraq jail MP"): done there, not by the country. Not the
    // country opening a headline ("Egypt torture routine", "Israel torture claims rejected": who does it), nor its
    // initials ("US abuse") or its people ("British prison officers"), nor "abuses" (a verb as often as a noun).
    private static readonly HashSet<string> HarmOrConfinementNouns = new(StringComparer.Ordinal) { "abuse", "torture", "mistreatment", "jail", "prison" };

    // A place's economy named right after it ("HK banks", "Japan shares", "China economy").
    private static readonly HashSet<string> EconomyNouns = new(StringComparer.Ordinal)
    {
        "bank", "banks", "lenders", "shares", "stocks", "market", "markets", "bourse", "economy", "exports", "exporters", "firms", "companies",
    };

    // A country's own bodies that sit at home, named right after it in a headline ("Cambodia's Legislature Bars
    // Government from Pardoning Khmer Rouge", "Japan parliament approves budget", "Israeli cabinet", "Spain's High
    // Court", "Japan's upper house"): where the story happens. Not its people, who travel ("US lawmakers tour tsunami
    // zone"), nor "courts", as often a verb ("Japan courts Gulf oil producers").
    private static readonly HashSet<string> SeatedBodies = new(StringComparer.Ordinal)
    {
        "legislature", "parliament", "senate", "congress", "cabinet", "court", "knesset", "duma", "assembly",
    };

    // Words between a country and its body ("Supreme Court", "upper house"; "national" only before "assembly": the
    // Iraqi National Congress is a party).
    private static readonly HashSet<string> SeatedBodyQualifiers = new(StringComparer.Ordinal)
    {
        "supreme", "high", "top", "constitutional", "upper", "lower", "national",
    };

    // A body's people and things, who travel or stand elsewhere ("Japanese cabinet minister tours tsunami-hit coast",
    // "US court-martial jails abuse soldier" in Baghdad, "Japanese assembly plant").
    private static readonly HashSet<string> SeatedBodyMembers = new(StringComparer.Ordinal)
    {
        "minister", "ministers", "member", "members", "speaker", "justice", "justices", "leader", "leaders", "delegation",
        "delegates", "official", "officials", "chief", "aide", "aides", "candidate", "candidates", "martial", "plant",
        "plants", "line", "lines", "worker", "workers",
    };

    // Words that make a nationality part of a wider one ("Latin American", "Inter-American", "North American").
    private static readonly HashSet<string> WiderPeoples = new(StringComparer.Ordinal)
    {
        "latin", "central", "north", "south", "inter", "pan", "anglo",
    };

    private static readonly HashSet<string> WordsBeforeANounPhrase = new(StringComparer.Ordinal) { "for", "of", "over", "in", "on", "about", "after", "against", "the", "an", "a" };

    // What is done to them, or who does it, named before them: "abusing Iraqi prisoners", "the kidnapping of two
    // Chinese", "the kidnappers of two Chinese engineers"; the law's acts too: "indicts German chipmaker Infineon" (not
    // "charge", whose "charged" is as often "a highly charged Iranian vote").
    private static readonly HashSet<string> HarmDone = TextAnalyzer.StemsOf(
        "abuse abusing torture torturing mistreating killing kidnapping abducting abduction attack attacking hits hitting "
        + "bombing targeting seizing beheading executing wounding injuring murder murdering shooting assault release "
        + "kidnappers captors killers arrest arrests arrested indict indicts indicted convict convicts convicted "
        + "sentence sentences sentenced extradite extradites extradited prosecute prosecutes prosecuted sue sues sued");

    // Verbs of giving or sending, whose "to" names who receives: "give extra security to Chinese".
    private static readonly HashSet<string> GivingWords = TextAnalyzer.StemsOf(
        "give gives giving gave given provide provides providing provided offer offers offering offered send sends sending "
        + "sent sell sells selling sold hand hands handed grant grants granted extend extends extended deliver delivers "
        + "delivered supply supplies supplied donate donates donated");

    // Words between a verb of giving and its "to": "give extra security to".
    private const int RecipientWindow = 4;

    // Counts that may stand between what is done and the people it is done to: "the killing of two Chinese".
    private static readonly HashSet<string> CountWords = new(StringComparer.Ordinal)
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens", "several",
        "hundreds", "thousands",
    };

    // Words that hedge a count: "at least 10", "more than 20", "nearly 50".
    private static readonly HashSet<string> CountQualifiers = new(StringComparer.Ordinal)
    {
        "least", "most", "nearly", "almost", "about", "some", "more", "than", "around", "roughly", "up", "over",
    };

    // A participle of harm after them, as written: "Chinese engineers kidnapped in Pakistan" (headlines drop "were"),
    // "US diplomat among 7 injured", "two Chinese engineers were abducted".
    private static readonly HashSet<string> HarmSuffered = new(StringComparer.Ordinal)
    {
        "kidnapped", "abducted", "seized", "killed", "slain", "wounded", "injured", "hurt", "beheaded", "executed",
        "freed", "released", "attacked", "targeted",
    };

    // Verbs of saying in a headline, as written (surfaces are lower case). Words that are as often nouns or other
    // verbs in headlines ("Jobless Claims", "claims pole", "Robo Calls", "a pledge") are left out.
    private static readonly HashSet<string> SpeechVerbs = new(StringComparer.Ordinal)
    {
        "says", "say", "said", "tells", "told", "urges", "urge", "urged", "warns", "warn", "warned", "vows", "vow",
        "insists", "denies", "deny", "asks", "predicts",
    };

    // Words that, written with a capital right after a nationality or a country, make it the name of a competition
    // open to all comers ("French Open", "Chinese Grand Prix", "Japan Masters"), as written. Not a national league or
    // cup ("American League", "Italian Cup"), whose clubs are that nationality; not "Grand" without "Prix" ("US Grand
    // Jury"); not "Rally" ("Iraqis Rally Against...").
    private static readonly HashSet<string> CompetitionWords = new(StringComparer.Ordinal) { "open", "grand", "masters", "classic" };

    // After "Open", words that make it a verb or an adjective in a headline: "U.S. Open to New Talks", "Open Fire".
    private static readonly HashSet<string> NotCompetitionAfterOpen = new(StringComparer.Ordinal) { "to", "fire", "talks", "up", "door", "doors", "way" };

    private static readonly System.Buffers.SearchValues<char> ClauseBreaks = System.Buffers.SearchValues.Create(",:;");

    // Prepositions that send forces to a border: "to its western frontier", "along their border".
    private static readonly HashSet<string> OwnBorderPrepositions = new(StringComparer.Ordinal)
    {
        "to", "along", "on", "at", "toward", "towards", "near",
    };

    /// <summary>Whether the topic's query matches, without scoring (cheap pre-check).</summary>
    public static bool QueryMatches(CompiledTopic topic, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Query.Evaluate(document, []);
    }

    /// <summary>
    /// Scores a topic against an article, or returns null when the query does not match.
    /// <paramref name="entities"/> is called only when the topic has constraints.
    /// </summary>
    public static TopicMatch? Evaluate(CompiledTopic topic, AnalyzedDocument document, Func<ArticleEntities> entities)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entities);
        return MatchClauses(topic, document) is { Missing: null } clauses ? Judge(topic, document, entities, clauses.Hits, null) : null;
    }

    /// <summary>
    /// Which top-level clause, if exactly one, an article lacks while meeting every other (and no exclusion): a near
    /// miss the semantic signal may rescue. Null when the query matches, fails on more than one clause, hits an
    /// exclusion, or has a single clause.
    /// </summary>
    public static int? MissingClause(CompiledTopic topic, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(topic);
        return topic.Clauses.Count >= 2 && MatchClauses(topic, document) is { Missing: { } missing } ? missing : null;
    }

    /// <summary>
    /// Scores a near miss whose text is close in meaning to the topic: the clauses that matched and the constraints are
    /// judged as usual, the missing clause is named in the evidence, and the score is the similarity scaled so that
    /// <paramref name="rescueFrom"/> scores 0.5 (a topic with a higher threshold needs a closer article).
    /// </summary>
    public static TopicMatch? EvaluateNearMiss(CompiledTopic topic, AnalyzedDocument document, Func<ArticleEntities> entities, double similarity, double rescueFrom)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(entities);
        if (topic.Clauses.Count < 2 || MatchClauses(topic, document) is not { Missing: { } missing } clauses)
        {
            return null;
        }

        return Judge(topic, document, entities, clauses.Hits, new SemanticRescue(missing, similarity, rescueFrom));
    }

    // What every constraint check reads (the article, its entities, the matched words) and adds to (the evidence).
    // A constraint that holds adds nothing to the proximity the words earn: a place named twenty words from them
    // ("the west London event" below "Notting Hill Carnival") would only lower a story the words alone alert on.
    private sealed record ConstraintCheck(
        ResolvedConstraints Constraints,
        AnalyzedDocument Document,
        ArticleEntities Entities,
        List<QueryHit>[] ClauseHits,
        List<MatchEvidence> Evidence)
    {
        private List<(int From, int To)>? placeWords;
        private bool? headlineReportsSpeech;

        // Positions of the required places' own names and people: matches on them ("Afghan", "Kabul", "Taliban") say
        // nothing about what happens there. Computed once per article and topic.
        public List<(int From, int To)> PlaceWords => placeWords ??= Entities.Mentions
            .Where(m => Places.Holds(m) || (m.Entry.CountryCode is { } code && Places.Countries.Contains(code)))
            .Select(m => (From: Entities.PositionOf(m), To: Document.Tokens[m.LastToken].Position))
            .ToList();

        public bool HeadlineReportsSpeech => headlineReportsSpeech ??= ReportsSpeech(Document);

        // The places where-rules read: the required ones, or for an exclusion the excluded ones.
        public required PlaceSet Places { get; init; }

        // The same story and matches, read against other places (with evidence of its own).
        public ConstraintCheck ForPlaces(PlaceSet places) =>
            new(Constraints, Document, Entities, ClauseHits, []) { Places = places, Topic = Topic };

        // The topic, whose names (words, words in capitals, phrases) tell an actor the recogniser does not know.
        public required CompiledTopic Topic { get; init; }
    }

    private sealed record SemanticRescue(int MissingClause, double Similarity, double RescueFrom);

    private sealed record ClauseMatch(List<QueryHit>[] Hits, int? Missing);

    /// <summary>
    /// Whether no exclusion of the query hits and every filter holds (<c>-golf</c>, <c>category:World</c>): a story that
    /// fails them is left out whatever its words, or its meaning.
    /// </summary>
    public static bool PassesExclusionsAndFilters(CompiledTopic topic, AnalyzedDocument document)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(document);
        return topic.Exclusions.All(exclusion => exclusion.Evaluate(document, [])) && topic.Filters.All(filter => filter.Evaluate(document, []));
    }

    // Every top-level clause's hits; a clause without hits is "missing". Null when an exclusion hits, a filter fails or
    // more than one clause is missing.
    private static ClauseMatch? MatchClauses(CompiledTopic topic, AnalyzedDocument document)
    {
        if (!PassesExclusionsAndFilters(topic, document))
        {
            return null;
        }

        var clauseHits = new List<QueryHit>[topic.Clauses.Count];
        int? missing = null;
        for (var i = 0; i < clauseHits.Length; i++)
        {
            clauseHits[i] = [];
            if (!topic.Clauses[i].Evaluate(document, clauseHits[i]))
            {
                if (missing is not null)
                {
                    return null;
                }

                missing = i;
            }
        }

        return new ClauseMatch(clauseHits, missing);
    }

    private static TopicMatch Judge(CompiledTopic topic, AnalyzedDocument document, Func<ArticleEntities> entities, List<QueryHit>[] clauseHits, SemanticRescue? rescue)
    {
        var evidence = new List<MatchEvidence>();
        for (var i = 0; i < clauseHits.Length; i++)
        {
            if (clauseHits[i].Count == 0)
            {
                evidence.Add(new MatchEvidence("missing", QueryShortfall.MissingGroup(topic, document, i).Reason));
                continue;
            }

            var best = clauseHits[i].OrderBy(h => document.IsTitle(h.From) ? 0 : 1).ThenBy(h => h.From).First();
            var snippet = document.Snippet(best.From, best.To);
            evidence.Add(new MatchEvidence(
                topic.Clauses[i].Kind,
                (document.IsTitle(best.From) ? "title: " : "body: ") + topic.Clauses[i],
                snippet)
            {
                Plain = PlainWhy.Highlighted(snippet),
            });
        }

        var present = clauseHits.Where(h => h.Count > 0).ToArray();
        var constraintsHold = true;
        if (topic.Constraints.Any)
        {
            constraintsHold = CheckConstraints(new ConstraintCheck(topic.Constraints, document, entities(), present, evidence)
            {
                Places = topic.Constraints.Places,
                Topic = topic,
            });
        }

        var titleShare = clauseHits.Count(h => h.Any(x => document.IsTitle(x.From))) / (double)clauseHits.Length;
        // A headline is about the whole article: a clause it carries is close to everything in the body.
        var span = MinimalSpan(present.Select(h => h.Select(x => x.From).ToList()).Where(g => !g.Any(document.IsTitle)).ToList());
        var proximity = span <= CloseSpan ? 1.0 : span >= FarSpan ? 0.0 : (FarSpan - span) / (double)(FarSpan - CloseSpan);
        var hitCount = clauseHits.Sum(h => h.Count);
        var frequency = Math.Min(1.0, hitCount / (2.0 * clauseHits.Length + 1));
        var score = rescue is null
            ? BaseWeight + (TitleWeight * titleShare) + (ProximityWeight * proximity) + (FrequencyWeight * frequency)
            : Math.Min(MaxRescueScore, 0.5 * rescue.Similarity / rescue.RescueFrom);
        if (!constraintsHold)
        {
            score *= ConstraintFailurePenalty;
        }

        score = Math.Round(Math.Clamp(score, 0, 1), 3);
        if (rescue is not null)
        {
            evidence.Add(new MatchEvidence(
                "semantic",
                string.Create(CultureInfo.InvariantCulture, $"close in meaning to the topic's description (similarity {rescue.Similarity:0.00}, near misses count from {rescue.RescueFrom:0.00})"))
            {
                Plain = "close in meaning to the topic's description",
            });
        }

        evidence.Add(new MatchEvidence(
            "score",
            string.Create(
                CultureInfo.InvariantCulture,
                $"title {titleShare:0.##} of clauses, span {(span == int.MaxValue ? "none" : span.ToString(CultureInfo.InvariantCulture))} words, {hitCount} hits{(constraintsHold ? string.Empty : ", constraint failed")}")));
        return new TopicMatch(topic.Topic.Id, topic.Topic.Name, score, constraintsHold && score >= topic.Topic.Threshold, evidence)
        {
            ConstraintsHold = constraintsHold,
        };
    }

    private static bool CheckConstraints(ConstraintCheck check)
    {
        var (constraints, document, entities, clauseHits, evidence) = check;
        var hold = true;
        var requiredUnjudged = false;
        if (constraints.HasPlaces)
        {
            hold &= CheckPlaces(check, out requiredUnjudged);
        }

        if (constraints.ExcludedPlaces.Any)
        {
            hold &= CheckExcludedPlaces(check, requiredUnjudged);
        }

        if (constraints.HasOrganisations)
        {
            var organisation = entities.Mentions.FirstOrDefault(m => constraints.Organisations.Contains(m.Entry.Id)
                || constraints.OtherOrganisations.Any(o => string.Equals(o, m.Entry.Name, StringComparison.OrdinalIgnoreCase)));
            if (organisation is not null)
            {
                evidence.Add(EntityEvidence("organisation", organisation, entities, string.Empty));
            }
            else if (constraints.OtherOrganisations.FirstOrDefault(o => ResolvedConstraints.NameOccurs(document, o)) is { } name)
            {
                evidence.Add(new MatchEvidence("entity", "organisation: " + name) { Plain = "mentions " + name });
            }
            else
            {
                hold = false;
                evidence.Add(new MatchEvidence("constraint", "no required organisation mentioned"));
            }
        }

        if (constraints.HasActors)
        {
            // The name of an excluded country is more often where than who ("Iraq video shows hostage deaths", "Iraq
            // kidnap victim"): its people and armed groups ("Iraqi", "Taliban") still count as actors, and so do its
            // initials standing for its people before one of its state's bodies ("US troops", "U.S. officials").
            var actors = FindActors(entities, clauseHits)
                .Where(a => !(a.Entry.IsCountryOrNation && constraints.ExcludeActorNationalities.Contains(a.Entry.CountryCode!) && !NamesItsBody(entities, a)))
                .ToList();
            var qualifying = actors.Where(a => QualifiesAsActor(constraints, a)).ToList();
            if (qualifying.Count > 0)
            {
                var best = qualifying[0];
                evidence.Add(EntityEvidence("actor", best, entities, best.Entry.CountryCode == "*" ? " (multinational/foreign)" : $" ({best.Entry.CountryCode})"));
            }
            else
            {
                // A required nationality asks who did it, and the people the story happened to (held, harmed,
                // attacked) do not answer that. An exclusion keeps them: its "foreign hostages" are whom the story is
                // about.
                var doers = constraints.ActorNationalities.Count > 0
                    ? actors.Where(a => constraints.ExcludeActorNationalities.Contains(a.Entry.CountryCode!) || !IsActedUpon(entities, a)).ToList()
                    : actors;
                // A name the query matched that the recogniser does not know ("Sharapova", "Glazer", "Dell") is someone
                // acting whose nationality nobody can tell: beside them, the nationalities named do not decide.
                var unknown = doers.Count == 0 ? null : MatchedUnknownName(check);
                if ((doers.Count == 0 || unknown is not null) && !constraints.Strict)
                {
                    // Nobody whose nationality decides acts next to the matched words: the rule cannot be judged, so
                    // the words decide.
                    evidence.Add(new MatchEvidence("entity", unknown is not null
                        ? $"actor: {unknown}, whose nationality is not known, beside {NamesOf(doers, entities)} (not checked; the topic is not strict)"
                        : actors.Count == 0
                            ? "actor: none named next to the matched words (not checked; the topic is not strict)"
                            : "actor: only the people it happened to are named, " + NamesOf(actors, entities) + " (not checked; the topic is not strict)"));
                }
                else
                {
                    hold = false;
                    evidence.Add(new MatchEvidence(
                        "constraint",
                        doers.Count == 0
                            ? "no actor (nationality, country or alliance) next to the matched words"
                            : "actors are only " + NamesOf(doers, entities)));
                }
            }
        }

        return hold;
    }

    /// <summary>
    /// Where does the story happen? A required place counts when it is named as a place (a country, subdivision or
    /// city, a dateline, "the Afghan capital"), when its people act in the story ("Iraqi kidnappers", "Afghan
    /// troops": a nationality next to the matched words), or when it is a border area the matched words are attached
    /// to. A headline that puts the event somewhere else ("... troops to Iraq") moves the story there, unless the
    /// body's first sentence places it in a required place ("Thousands march in Rome for hostages" / "... held in
    /// Iraq"). When the story names no place at all the constraint cannot be judged and the topic's strictness decides.
    /// </summary>
    private static bool CheckPlaces(ConstraintCheck check, out bool unjudged)
    {
        var located = Locate(check);
        unjudged = located.Verdict == PlaceVerdict.Unknown;
        switch (located.Verdict)
        {
            case PlaceVerdict.There:
                var first = located.Places.FirstOrDefault(check.Entities.IsPlaceMention) ?? located.Places[0];
                var how = first.Entry.IsPlaceWithinCountry ? $" → {first.Entry.SubdivisionCode ?? first.Entry.CountryCode}"
                    : first.Entry.Kind == EntityKind.Nationality && !check.Entities.IsPlaceMention(first) ? " (its people act in the story)"
                    : string.Empty;
                check.Evidence.Add(EntityEvidence("place", first, check.Entities, how));
                return true;
            case PlaceVerdict.Elsewhere:
                check.Evidence.Add(located.Why!);
                return false;
            default:
                return Unjudged(check, located.NamesAPlace ? "the story does not say where its event happens" : "none named", "place");
        }
    }

    /// <summary>
    /// Excluded places: a story that happens in one of them, read as <see cref="CheckPlaces"/> reads a required place,
    /// fails, unless the first place it names as where something is lies outside them ("Jeanne kills hundreds in
    /// Haiti" followed by Florida's preparations stays a story of Haiti); a country or state around an excluded place
    /// is neither in it nor outside. A story that says nowhere is left to the topic's strictness.
    /// </summary>
    private static bool CheckExcludedPlaces(ConstraintCheck check, bool requiredUnjudged)
    {
        var excluded = check.ForPlaces(check.Constraints.ExcludedPlaces);
        var located = Locate(excluded);
        if (located.Verdict == PlaceVerdict.Unknown)
        {
            // A required place the story gave nothing to judge by has said so, and the strictness decided, already.
            return requiredUnjudged
                ? !check.Constraints.Strict
                : Unjudged(check, located.NamesAPlace ? "the story does not say whether it happens there" : "none named", "excluded places");
        }

        var entities = check.Entities;
        if (located.Verdict == PlaceVerdict.Elsewhere)
        {
            check.Evidence.Add(new MatchEvidence("entity", "excluded places: not there (" + located.Why!.Description + ")"));
            return true;
        }

        // Where something is: a dateline, a city or state, or a place after a word of place ("in", "to", "through");
        // a country named bare is more often who ("U.S. Brokers Cease-fire in Western Afghanistan", "Bulgaria mourns
        // slain hostage"), but not before its economy's words in the headline (below).
        var firstPlace = entities.Mentions.FirstOrDefault(m => m.Entry.IsPlace && entities.IsPlaceMention(m) && !entities.IsInAside(m) && !IsTalkedAbout(excluded, m)
            && !entities.IsReactionPlace(m, position => IsMatchedAt(excluded, position))
            && (entities.IsDateline(m) || m.Entry.SaysWhereNamedBare || entities.IsLocative(m) || IsHeadlinePlaceOfItsEconomy(excluded, m)));
        if (firstPlace is not null && !excluded.Places.Holds(firstPlace) && !excluded.Places.LiesAround(firstPlace)
            && !OpeningActHappensIn(excluded, located.Places, firstPlace))
        {
            check.Evidence.Add(new MatchEvidence("entity", "excluded places: the story happens first in " + entities.TextOf(firstPlace) + ", outside them"));
            return true;
        }

        var where = located.Places.FirstOrDefault(entities.IsPlaceMention) ?? located.Places[0];
        check.Evidence.Add(FailedAt("the story happens in an excluded place: " + entities.TextOf(where), where, entities));
        return false;
    }

    // Whether the headline or lead puts the matched act in one of the check's places, where the first place named
    // does not: "DUBAI (Reuters) - ... two French journalists held hostage in Iraq", "... urged Iraqi militants to
    // free two French journalists they were holding hostage". The sentence's first matched words tell its act: the
    // place follows them within a few words after a word of place, or an armed group of its people comes before them
    // in the sentence (or after them as the doer of a passive, "held by Iraqi guerrillas"). Matched words inside a
    // name ("the National Hurricane Center in Miami") or after a comparison ("Echoing the hostage crisis in Iraq") tell
    // no act; a first place in the headline, or next to matched words itself, keeps the story where it is ("Jeanne
    // kills hundreds in Haiti" beside Florida's hurricane warnings).
    private static bool OpeningActHappensIn(ConstraintCheck check, List<EntityMention> places, EntityMention firstPlace)
    {
        var (document, entities) = (check.Document, check.Entities);
        if (document.IsTitle(entities.PositionOf(firstPlace)) || IsAttached(check, firstPlace, EventPlaceWindow))
        {
            return false;
        }

        return places.Any(place =>
        {
            var inHeadline = place.FirstToken < document.TitleTokenCount;
            if ((!inHeadline && !IsInLeadSentence(check, place))
                || FirstActOfSentence(check, inHeadline) is not { } act || FollowsAComparison(document, act.From))
            {
                return false;
            }

            var (from, to) = (entities.PhrasePositionOf(place), document.Tokens[place.LastToken].Position);
            return entities.IsPlaceMention(place)
                ? entities.IsLocative(place) && IsActsOwnPlace(document, act, place, from)
                : (to < act.From || IsAgentOfThePassive(document, place)) && IsArmedGroupOf(document, place)
                    && !FollowsAComparison(document, from);
        });
    }

    // "by" before the group names who did the act told before it: "two French journalists ... now being held by
    // Iraqi guerrillas", "a truck driver kidnapped by Iraqi militants".
    private static bool IsAgentOfThePassive(AnalyzedDocument document, EntityMention group) =>
        group.FirstToken > 0 && document.Tokens[group.FirstToken - 1].Surface == "by";

    // A place after the act, in its clause, with at most its object and time between: "held hostage in Iraq",
    // "kidnapped two Macedonian construction workers in Baghdad", "kidnapped last week in Baghdad"; not past a comma
    // ("held hostage for a week, as talks on the hostages in Iraq went on") or a likeness ("a bomb like those in Iraq"),
    // nor a place that only qualifies a word joined to it ("voted in a U.S.-backed election").
    private static bool IsActsOwnPlace(AnalyzedDocument document, QueryHit act, EntityMention mention, int placeFrom)
    {
        if (placeFrom - act.To is <= 0 or > ActorWindow || document.TokenAt(act.To) is not { } last)
        {
            return false;
        }

        var (first, end) = (document.Tokens[mention.FirstToken], document.Tokens[mention.LastToken].End);
        var text = document.TextOf(first);
        return !BreaksClause(text.AsSpan(last.End, Math.Max(0, first.Start - last.End)))
            && !text.AsSpan(end).TrimStart('.').StartsWith("-", StringComparison.Ordinal)
            && !FollowsAComparison(document, placeFrom, placeFrom - act.To - 1);
    }

    // The first matched words of the headline or of the lead sentence that are neither the places' own names nor a
    // word inside a name.
    private static QueryHit? FirstActOfSentence(ConstraintCheck check, bool inHeadline)
    {
        var document = check.Document;
        QueryHit? first = null;
        foreach (var hit in check.ClauseHits.SelectMany(hits => hits))
        {
            if ((inHeadline ? document.IsTitle(hit.From) : document.IsInLeadSentence(hit.From))
                && !IsPlaceWord(check, hit.From, hit.To) && !IsInsideAName(document, hit.From, hit.To)
                && (first is null || hit.From < first.Value.From))
            {
                first = hit;
            }
        }

        return first;
    }

    // A body's words between two capitalised words of the body belong to a name: "the National Hurricane Center".
    private static bool IsInsideAName(AnalyzedDocument document, int from, int to) =>
        !document.IsTitle(from - 1) && IsCapitalised(document, from - 1) && IsCapitalised(document, from) && IsCapitalised(document, to + 1);

    private static bool IsCapitalised(AnalyzedDocument document, int position) =>
        document.TokenAt(position) is { } token && char.IsUpper(document.WrittenForm(token)[0]);

    // "Echoing the hostage crisis in Iraq", "a kidnapping modelled on those in Iraq": a likeness, not the act.
    private static bool FollowsAComparison(AnalyzedDocument document, int position, int reach = 4)
    {
        for (var before = position - 1; before >= Math.Max(0, position - reach); before--)
        {
            if (document.TokenAt(before) is { } token && ComparisonWords.Contains(token.Stem))
            {
                return true;
            }
        }

        return false;
    }

    // A nationality before an armed group that holds or attacks ("Iraqi militants", "Iraqi Islamist kidnappers"): its
    // officials, troops or athletes may act anywhere.
    private static bool IsArmedGroupOf(AnalyzedDocument document, EntityMention nationality) =>
        NamesGroupAfter(document, nationality, ArmedGroups);

    // Whether one of the groups follows the nationality, which may carry one word of its own between: "Russian oil
    // giant", "Sudanese government troops".
    private static bool NamesGroupAfter(AnalyzedDocument document, EntityMention nationality, HashSet<string> groups)
    {
        var tokens = document.Tokens;
        for (var next = nationality.LastToken + 1; next < tokens.Count && next <= nationality.LastToken + 2; next++)
        {
            if (groups.Contains(tokens[next].Stem))
            {
                return true;
            }

            if (tokens[next].IsStopWord || tokens[next].Position != tokens[next - 1].Position + 1)
            {
                return false;
            }
        }

        return false;
    }

    // A constraint the story gives nothing to judge by: the words decide, unless the topic is strict. The required
    // places speak for themselves; an exclusion says it is one.
    private static bool Unjudged(ConstraintCheck check, string what, string role)
    {
        if (!check.Constraints.Strict)
        {
            check.Evidence.Add(new MatchEvidence("entity", $"{role}: {what} (not checked; the topic is not strict)"));
            return true;
        }

        var failure = (what == "none named" ? "no place named" : what) + " (the topic is strict)";
        check.Evidence.Add(new MatchEvidence("constraint", role == "place" ? failure : $"{role}: {failure}"));
        return false;
    }

    private enum PlaceVerdict
    {
        There,
        Elsewhere,
        Unknown,
    }

    // Where the story happens against the check's places: There (with the mentions that put it there), Elsewhere
    // (with the evidence that says so), or Unknown (whether it names any place at all).
    private sealed record LocatedStory(PlaceVerdict Verdict, List<EntityMention> Places, MatchEvidence? Why = null, bool NamesAPlace = false);

    private static LocatedStory Locate(ConstraintCheck check)
    {
        var (_, document, entities, _, _) = check;
        var places = entities.Mentions.Where(m => check.Places.Holds(m)
            && (entities.IsPlaceMention(m) || IsOccupiedBorderArea(check, m) || IsActingPeople(check, m))).ToList();
        var elsewhere = HeadlineElsewhere(check);
        // The lead locates the event in a required place and no longer speaks of the headline's place.
        if (elsewhere is not null
            && places.Any(p => IsInLeadSentence(check, p) && IsAttached(check, p, ActorWindow))
            && !entities.Mentions.Any(m => m.Entry.IsPlace && IsInLeadSentence(check, m) && m.Entry.CountryCode == elsewhere.Entry.CountryCode))
        {
            elsewhere = null;
        }

        if (elsewhere is not null)
        {
            return new(PlaceVerdict.Elsewhere, [], FailedAt("the headline places the story elsewhere: " + entities.TextOf(elsewhere), elsewhere, entities));
        }

        if (HeadlineOwnBorder(check.Places, document, entities) is { } phrase)
        {
            return new(PlaceVerdict.Elsewhere, [], new MatchEvidence(
                "constraint",
                "the headline keeps the forces on their own side of a border: " + document.Title[document.Tokens[phrase.First].Start..document.Tokens[phrase.Last].End],
                document.Snippet(document.Tokens[phrase.First].Position, document.Tokens[phrase.Last].Position)));
        }

        if (places.Count > 0)
        {
            return new(PlaceVerdict.There, places);
        }

        var required = entities.Mentions.FirstOrDefault(check.Places.Holds);
        if (required is not null)
        {
            return new(PlaceVerdict.Elsewhere, [], FailedAt(
                entities.IsBorderContext(required) ? "required place only mentioned as a border area" : "required place only named as a nationality (who, not where)",
                required,
                entities));
        }

        // No required place at all: the story happens elsewhere only when it says where its event is (a dateline, a
        // place in the headline or a country or people before its legislature or court there, a place the matched
        // words are attached to: "troops in Iraq"). Countries and people named as who ("U.S. gymnast", "Kerry on
        // Iraq") or in an aside about someone (", who swims at Auburn") do not say where.
        var eventPlace = entities.Mentions.FirstOrDefault(m => ((m.Entry.IsPlace && entities.IsPlaceMention(m)) || IsHeadlinePeoplesSeatedBody(entities, m))
            && !entities.IsInAside(m) && !IsTalkedAbout(check, m) && !check.Places.LiesAround(m)
            && (entities.IsDateline(m)
                || (m.FirstToken < document.TitleTokenCount && (m.Entry.SaysWhereNamedBare || entities.IsLocative(m) || IsBeforeItsSeatedBody(entities, m)))
                || ((m.Entry.SaysWhereNamedBare || entities.IsLocative(m)) && IsAttached(check, m, EventPlaceWindow))));
        if (eventPlace is not null)
        {
            return new(PlaceVerdict.Elsewhere, [], FailedAt("the story happens elsewhere: " + entities.TextOf(eventPlace), eventPlace, entities));
        }

        return new(PlaceVerdict.Unknown, [], NamesAPlace: entities.Mentions.Any(m => m.Entry.IsPlace || m.Entry.Kind == EntityKind.Nationality));
    }

    // People of the required place acting in the story put it there: "Iraqi kidnappers", "Afghan troops", "Syrian
    // gunmen": the nationality names an armed or acting group, or stands next to the matched words. Matched words that
    // are the place's own name do not count as an act.
    private static bool IsActingPeople(ConstraintCheck check, EntityMention mention)
    {
        var entities = check.Entities;
        if (mention.Entry.Kind != EntityKind.Nationality || entities.IsBorderContext(mention) || entities.NamesAncestry(mention))
        {
            return false;
        }

        if (NamesGroupAfter(entities.Document, mention, ActingGroups))
        {
            return true;
        }

        // The people themselves ("As Afghans prepare for their first presidential elections") act as a group does,
        // unless another country's place stands between them and what they do ("Iraqis in Jordan began voting").
        return NamesThePeople(entities, mention)
            ? IsAttached(check, mention, ActorWindow, (from, to) => !NamesAnotherCountryBetween(entities, mention, from, to))
            : IsAttached(check, mention, 2);
    }

    // Whether a place of another country than the mention's is named as where something is, between two positions.
    private static bool NamesAnotherCountryBetween(ArticleEntities entities, EntityMention mention, int from, int to) =>
        entities.Mentions.Any(m => m.Entry.IsPlace && m.Entry.CountryCode != mention.Entry.CountryCode
            && entities.PositionOf(m) > from && entities.PositionOf(m) < to && entities.IsLocative(m));

    // "Afghans", "Iraqis", "Israelis": the nationality written as a plural noun names the people, not a thing of theirs.
    private static bool NamesThePeople(ArticleEntities entities, EntityMention mention)
    {
        var text = entities.TextOf(mention);
        return text.EndsWith("s", StringComparison.OrdinalIgnoreCase) && !mention.Entry.Name.EndsWith("s", StringComparison.OrdinalIgnoreCase) && char.IsUpper(text[0]);
    }

    // Whether a matched word other than the required places' own names and people stands within a few words of the
    // mention (and, when a check is given, what lies between the two, positions exclusive, passes it).
    private static bool IsAttached(ConstraintCheck check, EntityMention mention, int window, Func<int, int, bool>? between = null)
    {
        // Counted from "the" and a direction before a place ("the northern Gaza Strip"), from the word itself for people.
        var first = mention.Entry.IsPlace ? check.Entities.PhrasePositionOf(mention) : check.Entities.PositionOf(mention);
        var last = check.Document.Tokens[mention.LastToken].Position;
        return check.ClauseHits.Any(hits => hits.Any(h =>
            !IsPlaceWord(check, h.From, h.To)
            && ((h.From > last && h.From - last <= window && (between is null || between(last, h.From)))
                || (h.To < first && first - h.To <= window && (between is null || between(h.To, first))))));
    }

    // Whether a mention sits in the body's first sentence, where a news story says where its event happened.
    private static bool IsInLeadSentence(ConstraintCheck check, EntityMention mention) =>
        check.Document.IsInLeadSentence(check.Document.Tokens[mention.FirstToken].Position);

    // A headline that sends the story to another place ("... troops to Iraq") and names none of the required places
    // is about that other place, whatever the body mentions in passing. A headline that reports what someone said
    // ("Freedom on the March in Iraq, Bush Tells Voters", "GOP Urge Bush to Turn Attention From Iraq") is about the
    // saying: a place in it is only what is talked about, unless the matched words happen there ("Poland says it will
    // send troops to Iraq"). Where people rally for a story and where talks about it are held do not move it either.
    private static EntityMention? HeadlineElsewhere(ConstraintCheck check)
    {
        var (constraints, document, entities, _, _) = check;
        EntityMention? elsewhere = null;
        foreach (var mention in entities.Mentions)
        {
            if (mention.FirstToken >= document.TitleTokenCount)
            {
                break;
            }

            if (check.Places.Holds(mention) && entities.IsPlaceMention(mention))
            {
                return null;
            }

            if (mention.Entry.Kind is EntityKind.Country or EntityKind.City or EntityKind.Subdivision && entities.IsLocative(mention)
                && !check.Places.LiesAround(mention) && !entities.IsBorderContext(mention) && !entities.IsReactionPlace(mention, position => IsMatchedAt(check, position)) && !entities.IsGatheringVenue(mention)
                && !IsTalkedAbout(check, mention))
            {
                elsewhere ??= mention;
            }
        }

        return elsewhere;
    }

    private static bool IsMatchedAt(ConstraintCheck check, int position) =>
        check.ClauseHits.Any(hits => hits.Any(h => h.From <= position && position <= h.To));

    private static bool IsTalkedAbout(ConstraintCheck check, EntityMention mention) =>
        mention.FirstToken < check.Document.TitleTokenCount && check.HeadlineReportsSpeech && !IsAttachedInHeadline(check, mention);

    // Whether a matched word stands next to a headline place in the same stretch of the headline: in "Freedom on the
    // March in Iraq, Bush Tells Voters" the comma parts the claim from the speaker (as a colon, semicolon or dash do).
    private static bool IsAttachedInHeadline(ConstraintCheck check, EntityMention mention)
    {
        var document = check.Document;
        var (first, last) = (document.Tokens[mention.FirstToken], document.Tokens[mention.LastToken]);
        for (var k = 0; k < document.TitleTokenCount; k++)
        {
            var token = document.Tokens[k];
            var matched = IsMatchedAt(check, token.Position) && !IsPlaceWord(check, token.Position, token.Position);
            var distance = token.Position < first.Position ? first.Position - token.Position : token.Position - last.Position;
            if (!matched || distance <= 0 || distance > EventPlaceWindow)
            {
                continue;
            }

            var (from, to) = token.Start < first.Start ? (token.End, first.Start) : (last.End, token.Start);
            if (!BreaksClause(document.Title.AsSpan(from, to - from)))
            {
                return true;
            }
        }

        return false;
    }

    // A comma, colon, semicolon or a spaced dash between two words of a headline parts its clauses; a hyphen
    // ("Iraq-bound") does not.
    private static bool BreaksClause(ReadOnlySpan<char> between) =>
        between.IndexOfAny(ClauseBreaks) >= 0 || between.Contains(" - ", StringComparison.Ordinal) || between.Contains(" – ", StringComparison.Ordinal);

    // A place before its economy's words ("HK banks to adopt different prime rates") is where the story happens, when
    // the headline carries the matched words and names no excluded place, though the body names one ("the rate hike in
    // the United States" that the banks follow). A country around an excluded place is neither in it nor outside.
    private static bool IsHeadlinePlaceOfItsEconomy(ConstraintCheck excluded, EntityMention place)
    {
        var (document, entities) = (excluded.Document, excluded.Entities);
        var next = place.LastToken + 1;
        return next < document.TitleTokenCount && EconomyNouns.Contains(document.Tokens[next].Surface)
            && !excluded.Places.LiesAround(place)
            && excluded.ClauseHits.Any(hits => hits.Any(h => document.IsTitle(h.From)))
            && !entities.Mentions.Any(m => excluded.Places.Holds(m) && document.IsTitle(entities.PositionOf(m)));
    }

    // Whether the headline names one of the country's (or people's) seated bodies right after it, with at most a word
    // such as "Supreme" or "upper" between, and no member or thing of the body after it ("cabinet minister"). A country
    // named like a state or province is as often the state's ("Georgia Senate passes gay marriage ban"), so such a
    // name never counts.
    private static bool IsBeforeItsSeatedBody(ArticleEntities entities, EntityMention place)
    {
        if (!place.Entry.IsCountryOrNation && place.Entry.Kind != EntityKind.Nationality)
        {
            return false;
        }

        var (tokens, titleEnd) = (entities.Document.Tokens, entities.Document.TitleTokenCount);
        var next = place.LastToken + 1;
        string? qualifier = null;
        if (next + 1 < titleEnd && SeatedBodyQualifiers.Contains(tokens[next].Surface))
        {
            qualifier = tokens[next].Surface;
            next++;
        }

        if (next >= titleEnd || (next + 1 < titleEnd && SeatedBodyMembers.Contains(tokens[next + 1].Surface)))
        {
            return false;
        }

        var body = tokens[next].Surface;
        var isBody = qualifier switch
        {
            null => SeatedBodies.Contains(body),
            "national" => body == "assembly",
            "upper" or "lower" => body is "house" or "chamber",
            _ => SeatedBodies.Contains(body),
        };
        return isBody && !Gazetteer.Default.ReadingsOf(entities.TextOf(place)).Any(r => r.Kind == EntityKind.Subdivision);
    }

    // A people's body in the headline ("Israeli cabinet approves pullout plan") says where, as its country's would.
    private static bool IsHeadlinePeoplesSeatedBody(ArticleEntities entities, EntityMention mention) =>
        mention.Entry.Kind == EntityKind.Nationality && mention.FirstToken < entities.Document.TitleTokenCount
        && (mention.FirstToken == 0 || !WiderPeoples.Contains(entities.Document.Tokens[mention.FirstToken - 1].Surface))
        && !entities.IsBorderContext(mention) && IsBeforeItsSeatedBody(entities, mention);

    private static bool ReportsSpeech(AnalyzedDocument document) =>
        document.Tokens.Take(document.TitleTokenCount).Any(token => SpeechVerbs.Contains(token.Surface));

    // Whether positions from..to overlap the required places' own names and people, which say nothing about an act.
    private static bool IsPlaceWord(ConstraintCheck check, int from, int to) =>
        check.PlaceWords.Any(p => from <= p.To && p.From <= to);

    // A place named as lying near the border ("Afghan provinces near the frontier") is where the story happens only
    // when the matched words are attached to it, as an actor is: "US troops moved into Afghan provinces near the
    // border". Mentioned further off ("... sent troops to its border, as fighting spreads in Afghan provinces near the
    // frontier") it is only the far side of a border the story is about. Matches on the place's own names and people
    // do not count as attached.
    private static bool IsOccupiedBorderArea(ConstraintCheck check, EntityMention mention)
    {
        var entities = check.Entities;
        return entities.IsNamedNearBorder(mention) && !entities.IsNextToBorderWord(mention) && entities.HasPlaceShape(mention)
            && IsAttached(check, mention, ActorWindow);
    }

    // A headline that moves forces to their own border ("Pakistan moves extra soldiers to its western frontier",
    // "Turkey masses troops along its border") and names none of the required places as a place keeps the story on
    // the actor's side of that border, whatever the body says about the country next door.
    private static (int First, int Last)? HeadlineOwnBorder(PlaceSet places, AnalyzedDocument document, ArticleEntities entities)
    {
        if (entities.Mentions.Any(m => m.FirstToken < document.TitleTokenCount && places.Holds(m) && entities.IsPlaceMention(m)))
        {
            return null;
        }

        var tokens = document.Tokens;
        for (var i = 0; i + 1 < document.TitleTokenCount; i++)
        {
            if (!OwnBorderPrepositions.Contains(tokens[i].Surface) || tokens[i + 1].Surface is not ("its" or "their"))
            {
                continue;
            }

            // "to its western frontier", "along their own mountain border": at most two words before the border word.
            for (var k = i + 2; k < document.TitleTokenCount && k <= i + 4; k++)
            {
                if (tokens[k].Stem is "border" or "frontier")
                {
                    return (i, k);
                }
            }
        }

        return null;
    }

    private static bool QualifiesAsActor(ResolvedConstraints constraints, EntityMention actor)
    {
        var code = actor.Entry.CountryCode!;
        if (constraints.ActorNationalities.Count > 0 && !constraints.ActorNationalities.Contains(code))
        {
            return false;
        }

        return !constraints.ExcludeActorNationalities.Contains(code);
    }

    /// <summary>
    /// Actors are nationality-bearing mentions (demonyms, countries not named as a destination, alliances,
    /// "foreign"/"international") within a few words of what the query matched: "Turkish troops", "NATO forces",
    /// "Turkey says it will send troops"; a people or country the query matched itself acts in the headline and the
    /// body's first sentence ("UNITED NATIONS - Japan, Brazil, Germany and India formed a lobbying group").
    /// </summary>
    internal static List<EntityMention> FindActors(ArticleEntities entities, List<QueryHit>[] clauseHits)
    {
        var actors = new List<EntityMention>();
        foreach (var mention in entities.Mentions)
        {
            var entry = mention.Entry;
            if (entry.CountryCode is null || (entry.Kind is EntityKind.City or EntityKind.Subdivision or EntityKind.Other && !entry.IsNation))
            {
                continue;
            }

            // "In Iraq", "to Kabul", or the dateline's "GUANTANAMO BAY NAVAL BASE, Cuba": where, not who.
            if (entry.IsCountryOrNation && (entities.IsLocative(mention) || entities.IsInDateline(mention)))
            {
                continue;
            }

            if (entry.Kind == EntityKind.Organisation && entry.Role == "civilian")
            {
                continue;
            }

            // "Former French Open titlist Albert Costa": a competition's name says nothing of who plays in it; "of
            // Moroccan descent" nothing of whom one acts for.
            if (NamesCompetition(entities, mention) || entities.NamesAncestry(mention))
            {
                continue;
            }

            // "The Iraqi city of Fallujah", "the Afghan capital": a place, not people. "Western Baghdad": a direction.
            if (entities.QualifiesPlaceNoun(mention) || (entry.Role == "modifier" && entities.IsDirection(mention)))
            {
                continue;
            }

            // Bodies that are not armed forces (the UN, the EU) and generic words ("foreign") act only when attached to
            // the matched words: "U.N. peacekeepers", "foreign troops"; not "ransacked U.N. compounds and clashed with police".
            var window = entry.Role is "modifier" or "international" ? ModifierWindow : ActorWindow;
            var first = entities.PositionOf(mention);
            var last = entities.Document.Tokens[mention.LastToken].Position;
            // A headline is one sentence: its subject ("Poland to cut one-third of its troops in Iraq") acts on
            // whatever the headline says, however many words sit between them.
            var inTitle = entities.Document.IsTitle(first) && entry.Role is not ("modifier" or "international");
            // So is a body sentence's subject, a people's body that opens it ("The Iraqi government rushed reinforcements
            // to Mosul to quell a deadly uprising", "U.S. troops stormed..."; not "The U.S. dollar fell"), on what that
            // sentence says.
            var opensSentence = !inTitle && entry.Role is not ("modifier" or "international") && entities.OpensBodySentence(mention)
                && mention.LastToken + 1 < entities.Document.Tokens.Count && ActingGroups.Contains(entities.Document.Tokens[mention.LastToken + 1].Stem);
            // A nationality the query matched, alone ("Japan, Brazil, Germany and India formed a lobbying group" for
            // a Japan topic; "US edge out Brazil") or together with other words ("Israeli military" for Israeli NEAR
            // military), is what the story is about as much as one standing next to the matched words.
            var tellsTheEvent = entry.Role is not ("modifier" or "international")
                && (entities.Document.IsTitle(first) || entities.Document.IsInLeadSentence(first));
            var acts = clauseHits.Any(hits => hits.Any(h =>
                (inTitle && entities.Document.IsTitle(h.From) && (h.From > last || h.To < first))
                || (opensSentence && h.From > last && InSameBodySentence(entities, mention, h.From))
                || (h.From > last && h.From - last <= window) || (h.To < first && first - h.To <= window)
                || (h.From <= first && h.To >= last && (h.From < first || h.To > last || tellsTheEvent))));
            if (acts)
            {
                actors.Add(mention);
            }
        }

        return actors;
    }

    // "Former French Open titlist", "the Chinese Grand Prix": the nationality and the competition word stand side by
    // side in the text (a space between them only), the word written with a capital. The people themselves
    // ("Israelis Open Fire") act, whatever follows them.
    private static bool NamesCompetition(ArticleEntities entities, EntityMention mention)
    {
        var document = entities.Document;
        var next = mention.LastToken + 1;
        if (next >= document.Tokens.Count || NamesThePeople(entities, mention))
        {
            return false;
        }

        var (word, last) = (document.Tokens[next], document.Tokens[mention.LastToken]);
        var text = document.TextOf(word);
        if (!CompetitionWords.Contains(word.Surface) || document.IsTitle(word.Position) != document.IsTitle(last.Position)
            || !char.IsUpper(text[word.Start]) || !string.IsNullOrWhiteSpace(text[last.End..word.Start]))
        {
            return false;
        }

        var after = next + 1 < document.Tokens.Count && document.IsTitle(document.Tokens[next + 1].Position) == document.IsTitle(word.Position)
            ? document.Tokens[next + 1].Surface
            : null;
        return word.Surface switch
        {
            "grand" => after == "prix",
            "open" => after is null || !NotCompetitionAfterOpen.Contains(after),
            _ => true,
        };
    }

    private static bool InSameBodySentence(ArticleEntities entities, EntityMention mention, int position) =>
        !entities.Document.IsTitle(position) && entities.Document.TokenIndexAt(position) is var token and >= 0
        && entities.SameSentence(mention.LastToken, token);

    // "US troops", "U.S. officials", "UK ministers": a country's initials right before one of its state's bodies, in
    // the same clause. Only initials: a full name there is more often where the body is sent or what it is about
    // ("Bush unveils Iraq troop plan", "More Afghanistan troops needed"), and a company after initials is as often
    // bought as buying ("Acme buys UK firm").
    private static bool NamesItsBody(ArticleEntities entities, EntityMention country)
    {
        var next = country.LastToken + 1;
        var tokens = entities.Document.Tokens;
        // "US", "U.S.", "UK", "UAE": initials, which have another spelling with or without full stops.
        return QueryParser.OtherSpellingOfInitials(entities.TextOf(country)) is not null
            && next < tokens.Count && entities.SameClause(country.LastToken, next) && tokens[next].Position == tokens[country.LastToken].Position + 1
            && StateBodies.Contains(tokens[next].Stem);
    }

    /// <summary>
    /// Whether an actor is one of the people or things the story happened to rather than one who acted: held or harmed
    /// ("Iraqi prisoners", "Australian embassy", "for Iraq Abuse", "for Iraq jail"), named after what was done to them
    /// ("abusing Iraqi prisoners", "the kidnapping of two Chinese", "killing at least 10 Iraqis"), or before a participle
    /// of harm in the same clause ("Chinese engineers kidnapped in Pakistan"; not "Iraqi troops killed five": troops act).
    /// </summary>
    internal static bool IsActedUpon(ArticleEntities entities, EntityMention actor)
    {
        var tokens = entities.Document.Tokens;
        var after = actor.LastToken + 1;
        if (after < tokens.Count && entities.SameClause(actor.LastToken, after) && ActingGroups.Contains(tokens[after].Stem))
        {
            return false;
        }

        for (var next = after; next < tokens.Count && next <= actor.LastToken + 2 && entities.SameClause(actor.LastToken, next); next++)
        {
            if (HeldOrHarmed.Contains(tokens[next].Stem))
            {
                return true;
            }
        }

        if (IsPlaceOfHarm(entities, actor))
        {
            return true;
        }

        // Three words back, five past a count ("killing at least 10 Iraqis", "wounding more than 20 Americans").
        for (var before = actor.FirstToken - 1; before >= 0 && before >= actor.FirstToken - 5 && entities.SameClause(before, actor.FirstToken); before--)
        {
            if (HarmDone.Contains(tokens[before].Stem) || IsRecipient(tokens, before))
            {
                return true;
            }

            // "The bombing by Iraqi planes": who did it, not whom it was done to.
            // Past three words, or through a hedge ("at least"), only a count stands between the harm and the people.
            var isCount = IsCount(tokens, before, actor.FirstToken);
            var hedgesACount = CountQualifiers.Contains(tokens[before].Surface) && isCount;
            if (tokens[before].Surface == "by" || !(IsFiller(tokens[before]) || hedgesACount) || (before <= actor.FirstToken - 3 && !isCount))
            {
                break;
            }
        }

        // The participle may follow the people's noun, fillers and one more word ("engineers were", "diplomat among 7").
        var words = 0;
        for (var next = after; next < tokens.Count && next <= actor.LastToken + 4 && entities.SameClause(actor.LastToken, next); next++)
        {
            if (HarmSuffered.Contains(tokens[next].Surface) && IsPassive(entities, next))
            {
                return true;
            }

            if (!IsFiller(tokens[next]) && ++words > 2)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsPlaceOfHarm(ArticleEntities entities, EntityMention country)
    {
        var tokens = entities.Document.Tokens;
        var (before, after) = (country.FirstToken - 1, country.LastToken + 1);
        return country.Entry.Kind == EntityKind.Country && QueryParser.OtherSpellingOfInitials(entities.TextOf(country)) is null
            && before >= 0 && entities.SameClause(before, country.FirstToken) && WordsBeforeANounPhrase.Contains(tokens[before].Surface)
            && after < tokens.Count && entities.SameClause(country.LastToken, after) && HarmOrConfinementNouns.Contains(tokens[after].Surface)
            && !(after + 1 < tokens.Count && entities.SameClause(after, after + 1) && ActingGroups.Contains(tokens[after + 1].Stem));
    }

    // A participle of harm is passive after "was", "were"... ("engineers were abducted") or when no object follows it
    // in its clause ("Chinese engineers kidnapped in Pakistan", "7 injured"); "Iraqi jets attacked insurgent
    // positions" is active.
    private static bool IsPassive(ArticleEntities entities, int participle)
    {
        var tokens = entities.Document.Tokens;
        if (participle > 0 && tokens[participle - 1].Surface is "was" or "were" or "been" or "being" or "be" or "is" or "are" or "got")
        {
            return true;
        }

        var next = participle + 1;
        return next >= tokens.Count || !entities.SameClause(participle, next) || IsFiller(tokens[next]);
    }

    // What is given or sent goes to them ("give extra security to Chinese", "sold arms to Iraqis"): they receive, they
    // do not act. Only after a verb of giving: gold that "goes to" or a title that "falls to" someone was won by them.
    private static bool IsRecipient(IReadOnlyList<AnalyzedToken> tokens, int preposition)
    {
        if (tokens[preposition].Surface != "to")
        {
            return false;
        }

        for (var before = preposition - 1; before >= 0 && before >= preposition - RecipientWindow; before--)
        {
            if (GivingWords.Contains(tokens[before].Stem))
            {
                return true;
            }
        }

        return false;
    }

    private static bool WrittenInLowerCase(AnalyzedDocument document, AnalyzedToken token)
    {
        var written = document.WrittenForm(token);
        var apostrophe = written.IndexOfAny('\'', '\u2019');
        return (apostrophe < 0 ? written : written[..apostrophe]).ContainsAnyInRange('a', 'z');
    }

    // Whether the words from a position up to the people are a count ("at least 10", "more than 20").
    private static bool IsCount(IReadOnlyList<AnalyzedToken> tokens, int from, int people)
    {
        var hasNumber = false;
        for (var i = from; i < people; i++)
        {
            hasNumber |= char.IsAsciiDigit(tokens[i].Surface[0]) || CountWords.Contains(tokens[i].Surface);
            if (!IsFiller(tokens[i]) && !CountQualifiers.Contains(tokens[i].Surface))
            {
                return false;
            }
        }

        return hasNumber;
    }

    private static bool IsFiller(AnalyzedToken token) =>
        token.IsStopWord || char.IsAsciiDigit(token.Surface[0]) || CountWords.Contains(token.Surface);

    // The first word the query matched as a name (see the topic language) that no entity of the recogniser covers.
    private static string? MatchedUnknownName(ConstraintCheck check)
    {
        if (check.Topic.NameForms.Count == 0 && check.Topic.CapitalNames.Count == 0 && check.Topic.NamePhrases.Count == 0)
        {
            return null;
        }

        foreach (var hit in check.ClauseHits.SelectMany(hits => hits))
        {
            if (UnknownNamePhraseAt(check, hit) is { } phrase)
            {
                return phrase;
            }

            for (var position = hit.From; position <= hit.To; position++)
            {
                if (check.Document.TokenAt(position) is not { } token)
                {
                    continue;
                }

                // A word the query writes in capitals is a name only where the article writes it so: "SAP", not "sap"
                // (a possessive's "'s" aside).
                var isName = check.Topic.NameForms.Contains(token.Surface)
                    || (check.Topic.CapitalNames.Contains(token.Surface) && !WrittenInLowerCase(check.Document, token));
                if (isName && check.Document.TokenIndexAt(position) is var index
                    && !check.Entities.Mentions.Any(m => m.FirstToken <= index && index <= m.LastToken))
                {
                    return (check.Document.IsTitle(position) ? check.Document.Title : check.Document.Body)[token.Start..token.End];
                }
            }
        }

        return null;
    }

    // A name the query writes as a phrase ("Virgin Atlantic"), matched where the article writes it with its capitals
    // and no word of it is a place, people or body the recogniser gives a country: a company or team whose
    // nationality nobody can tell ("British Airways" tells its own). One of its words must be a name, neither an
    // everyday word nor a state's body: "Defence Secretary", "Royal Navy" and "Black Watch" are offices and units
    // any country may have, whose own country the story names elsewhere.
    private static string? UnknownNamePhraseAt(ConstraintCheck check, QueryHit hit)
    {
        // Only for who must act: beside an excluded people such a name is as often that people's own unit or place
        // ("Iraqi militiamen of the Badr Brigade"). In a headline that capitalises every word, capitals say nothing
        // ("Suicide Bomber Kills 20").
        if (hit.To <= hit.From || check.Topic.NamePhrases.Count == 0 || check.Constraints.ActorNationalities.Count == 0
            || (check.Document.IsTitle(hit.From) && PersonNames.CapitalisesEveryWord(check.Document)))
        {
            return null;
        }

        var document = check.Document;
        var (first, last) = (document.TokenIndexAt(hit.From), document.TokenIndexAt(hit.To));
        if (first < 0 || last < first)
        {
            return null;
        }

        var words = Enumerable.Range(first, last - first + 1).Select(i => document.Tokens[i]).Where(t => !t.IsStopWord).ToList();
        var isNamePhrase = check.Topic.NamePhrases.Any(stems => stems.Count == words.Count && stems.SequenceEqual(words.Select(t => t.Stem)));
        if (!isNamePhrase || words.Any(t => !char.IsUpper(document.WrittenForm(t)[0])) || !words.Any(IsNameWord)
            || check.Entities.Mentions.Any(m => m.Entry.CountryCode is not null && m.FirstToken <= last && m.LastToken >= first))
        {
            return null;
        }

        var name = document.TextOf(document.Tokens[first])[document.Tokens[first].Start..document.Tokens[last].End];
        // Without a possessive: "Virgin Atlantic's inaugural flight" names Virgin Atlantic.
        return !document.IsPossessive(last) ? name : name.EndsWith("s", StringComparison.OrdinalIgnoreCase) ? name[..^2] : name[..^1];
    }

    private static bool IsNameWord(AnalyzedToken token) =>
        !OrdinaryWords.Contains(token.Surface) && !StateBodies.Contains(token.Stem) && !ActingGroups.Contains(token.Stem);

    private static string NamesOf(IEnumerable<EntityMention> actors, ArticleEntities entities) =>
        string.Join(", ", actors.Select(entities.TextOf).Distinct(StringComparer.OrdinalIgnoreCase));

    // A failed constraint, with the words of the story it failed on.
    private static MatchEvidence FailedAt(string description, EntityMention mention, ArticleEntities entities) =>
        new("constraint", description, entities.Document.Snippet(entities.PositionOf(mention), entities.Document.Tokens[mention.LastToken].Position));

    private static MatchEvidence EntityEvidence(string role, EntityMention mention, ArticleEntities entities, string suffix)
    {
        var first = entities.PositionOf(mention);
        var last = entities.Document.Tokens[mention.LastToken].Position;
        return new MatchEvidence(
            "entity",
            $"{role}: {entities.TextOf(mention)}{suffix} [{mention.Entry.Kind.ToString().ToLowerInvariant()}, {mention.Source}]",
            entities.Document.Snippet(first, last))
        {
            Plain = PlainWhy.Entity(role, entities.TextOf(mention), mention.Entry, entities.IsPlaceMention(mention)),
        };
    }

    /// <summary>The smallest window of positions that holds one position of every group.</summary>
    internal static int MinimalSpan(List<List<int>> groups)
    {
        if (groups.Count <= 1)
        {
            return 0;
        }

        var merged = new List<(int Position, int Group)>();
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var p in groups[g])
            {
                merged.Add((p, g));
            }
        }

        merged.Sort();
        var counts = new int[groups.Count];
        var covered = 0;
        var best = int.MaxValue;
        var left = 0;
        for (var right = 0; right < merged.Count; right++)
        {
            if (counts[merged[right].Group]++ == 0)
            {
                covered++;
            }

            while (covered == groups.Count)
            {
                best = Math.Min(best, merged[right].Position - merged[left].Position);
                if (--counts[merged[left].Group] == 0)
                {
                    covered--;
                }

                left++;
            }
        }

        return best;
    }
}
