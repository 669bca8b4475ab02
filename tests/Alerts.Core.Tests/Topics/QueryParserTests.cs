using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class QueryParserTests
{
    [Theory]
    [InlineData("(troops OR forces", "')'", 18)]
    [InlineData("troops OR", "a term, phrase or '(' after OR", 10)]
    [InlineData("troops \"secure the airport", "a closing '\"' for the phrase opened at position 8", 27)]
    [InlineData("troops NEAR/x Kabul", "a number of words", 13)]
    [InlineData("troops NEAR Kabul", "'/' and a number after NEAR (NEAR/5)", 12)]
    [InlineData("body:troops", "the field 'title:', 'place:' or 'category:' (unknown field 'body:')", 1)]
    [InlineData("title: OR x", "a term, phrase or '(' after 'title:'", 8)]
    [InlineData("troops)", "an operator, a term or the end of the query (unmatched ')'?)", 7)]
    [InlineData("tr*ops", "'*' only at the end of a word", 3)]
    [InlineData("re*-examin*", "'*' only at the end of a word", 3)]
    [InlineData("a*", "a single word of at least 2 letters before '*'", 1)]
    [InlineData("troops -", "a term, phrase or '(' after NOT or '-'", 9)]
    [InlineData("\"the\"", "searchable words inside the phrase", 1)]
    [InlineData("troops \"x y\"~99", "a distance of at most 50 words", 14)]
    [InlineData("ban \"gay marri*\"", "a phrase without '*' (its words already find their endings: \"air strike\" finds \"air strikes\"; for the start of a word use NEAR: gay NEAR/1 marri*)", 15)]
    [InlineData("troops AROUND(99) Kabul", "a distance of at most 50 words", 15)]
    [InlineData("troops AROUND (99) Kabul", "a distance of at most 50 words", 16)]
    [InlineData("fans #Angel*", "one word after '#', without '*' or '-' (it finds that word as written, without other endings)", 7)]
    [InlineData("#the", "a word that is searched for after '#' ('the' is too common to search for)", 2)]
    [InlineData("#al-Qaeda", "one word after '#', without '*' or '-' (it finds that word as written, without other endings)", 2)]
    [InlineData("fans # Angels", "a word right after '#' (#Angels)", 7)]
    [InlineData("#\"heat wave\"", "a word right after '#' (#Angels)", 2)]
    [InlineData("##Angels", "a word right after '#' (#Angels)", 2)]
    [InlineData("troops W/ Iraq", "a number of words", 10)]
    [InlineData("troops pre/2Iraq", "a number of words", 12)]
    [InlineData("NOT NEAR/3 told", "a term, phrase or '(' before NOT NEAR (CNN NOT NEAR/3 told)", 1)]
    [InlineData("CNN OR NOT W/3 told", "a term, phrase or '(' before NOT W (CNN NOT W/3 told)", 8)]
    [InlineData("CNN NOT NEAR/3", "a term, phrase or '('", 15)]
    [InlineData("(CNN ratings) NOT NEAR/3 told", "a word, phrase, place or list of them (A OR B) on each side of NOT NEAR: write (CNN NOT NEAR/3 told) ratings, not (CNN ratings) NOT NEAR/3 told", 1)]
    [InlineData("CNN NOT NEAR/3 (told -reporters)", "a word, phrase, place or list of them (A OR B) on each side of NOT NEAR: write (CNN NOT NEAR/3 told) ratings, not (CNN ratings) NOT NEAR/3 told", 16)]
    [InlineData("(CNN ratings) NOT PRE/3 told", "a word, phrase, place or list of them (A OR B) on each side of NOT PRE: write (CNN NOT PRE/3 told) ratings, not (CNN ratings) NOT PRE/3 told", 1)]
    [InlineData("CNN NOT w/3 (told -reporters)", "a word, phrase, place or list of them (A OR B) on each side of NOT W: write (CNN NOT W/3 told) ratings, not (CNN ratings) NOT W/3 told", 13)]
    [InlineData("(CNN NEAR/2 ratings) NOT NEAR/3 told", "a word, phrase, place or list of them (A OR B) on each side of NOT NEAR: write (CNN NOT NEAR/3 told) ratings, not (CNN ratings) NOT NEAR/3 told", 1)]
    [InlineData("CNN -NEAR/3 told", "a term, phrase or '(' after NOT or '-'", 6)]
    [InlineData("#team PRE/0 with", "searchable words on both sides of PRE (not only stop words)", 13)]
    [InlineData("troops NEAR/3 the", "searchable words on both sides of NEAR (not only stop words)", 15)]
    [InlineData("troops W/3 the", "searchable words on both sides of W (not only stop words)", 12)]
    [InlineData("troops NOT NEAR/3 the", "searchable words on both sides of NOT NEAR (not only stop words)", 19)]
    public void Parse_InvalidQuery_ReportsPositionAndExpectation(string query, string expected, int position)
    {
        // Act
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        // Assert
        Assert.Equal(expected, error.Expected);
        Assert.Equal(position, error.Position);
        Assert.Equal($"expected {expected} at position {position}", error.Message);
    }

    [Theory]
    [InlineData("troops&#65534;")]
    [InlineData("\"troops \uFFFE Kabul\"")]
    public void Parse_NonCharacters_ParseOrFailAsAQuery(string query)
    {
        // Act: either a query or a QueryParseException, never another exception.
        var exception = Record.Exception(() => QueryParser.Parse(query));

        // Assert
        Assert.True(exception is null or QueryParseException, exception?.ToString());
    }

    [Theory]
    [InlineData("US", "U.S.")]
    [InlineData("NATO", null)]
    [InlineData("IBM", "I.B.M.")]
    [InlineData("U.N.", "UN")]
    [InlineData("E.U.", "EU")]
    [InlineData("USAF1", null)]
    [InlineData("Fed", null)]
    [InlineData("U.S", null)]
    [InlineData("A.", null)]
    [InlineData("St.", null)]
    public void OtherSpellingOfInitials_InitialsWithAndWithoutDots(string written, string? expected)
    {
        // Act / Assert
        Assert.Equal(expected, QueryParser.OtherSpellingOfInitials(written));
    }

    [Theory]
    [InlineData("Wal-Mart (sales OR profit)", new string[0], new string[0])]
    [InlineData("Walmart (sales OR profit)", new[] { "Walmart" }, new string[0])]
    [InlineData("SAP", new string[0], new string[0])]
    [InlineData("SAP profit", new string[0], new[] { "sap", "saps" })]
    [InlineData("Barghouti", new[] { "Barghouti" }, new string[0])]
    [InlineData("\"al-Qaeda\" Iraq", new[] { "Iraq" }, new string[0])]
    [InlineData("#Angels baseball", new[] { "#Angels" }, new string[0])]
    [InlineData("#texting teens", new string[0], new string[0])]
    public void NamesIn_OtherSpellingsTheAnalysisAdds_AreNotTheQuerysNames(string query, string[] names, string[] capitalForms)
    {
        // Act: "Wal-Mart" also matches "Walmart", "SAP" also "S.A.P.", but neither is a name the query wrote, and a
        // query of one word in capitals says nothing by its capitals. A word asked for in one form names something
        // only when written with a capital (a team, not a verb).
        var parsed = QueryParser.Parse(query);

        // Assert
        Assert.Equal(names, QueryParser.NamesIn(parsed));
        Assert.Equal(capitalForms.Order(), QueryParser.CapitalNamesIn(parsed).Order());
    }

    [Fact]
    public void NameFormsIn_PhraseClosedUp_IsNoNameOfTheQuery()
    {
        // Act: "Air strikes" also finds "airstrikes", an everyday word, not a name whose nationality is unknown.
        var forms = QueryParser.NameFormsIn(QueryParser.Parse("\"Air strikes\" Iraq"));

        // Assert
        Assert.DoesNotContain("airstrikes", forms);
        Assert.Contains("iraq", forms);
    }

    [Theory]
    [InlineData("Mars", "A rover landed on Mars on Sunday.", true)]
    [InlineData("Mars", "Fraud claims marred the Afghan vote.", false)]
    [InlineData("Mars", "Supah Blitz captures the Del Mar Handicap.", false)]
    [InlineData("\"Mars\"", "Fraud claims marred the Afghan vote.", false)]
    [InlineData("rover -Mars", "The rover crossed a marred plain.", true)]
    [InlineData("mars", "Fraud claims marred the Afghan vote.", true)]
    [InlineData("MARS", "Fraud claims marred the Afghan vote.", false)]
    [InlineData("MARS", "NASA's MARS rover landed.", true)]
    [InlineData("Olympics", "The Olympic team flew home.", true)]
    [InlineData("Palestinian", "Palestinians marched in Ramallah.", true)]
    [InlineData("Żółkiewski", "Żółkiewski spoke on Monday.", true)]
    [InlineData("Deploy", "Nations deployed soldiers.", true)]
    [InlineData("Games", "They lost a preliminary round game.", true)]
    [InlineData("SUVs", "Sales of the SUV fell.", true)]
    [InlineData("Jets", "The jet landed safely.", true)]
    [InlineData("Giants", "Russian oil giant Yukos paid.", false)]
    public void Evaluate_WordWrittenAsAName_MatchesOnlyItsOwnForms(string query, string body, bool matches)
    {
        // Arrange: a name (a capital, then lower case, and not an ordinary English word) matches as written, its
        // plural and, longer than four letters, its singular, in any case (but a singular or plural that is an everyday
        // word only with a capital: "oil giant" is not the Giants); every other word matches all its endings.
        var node = QueryParser.Parse(query);

        // Act
        var found = node.Evaluate(new Alerts.Core.Text.AnalyzedDocument("News", body), []);

        // Assert
        Assert.Equal(matches, found);
    }

    [Theory]
    [InlineData("al-Qaeda Iraq", "(\"al-Qaeda\" OR alQaeda) Iraq")]
    [InlineData("Palestinian -al-Zarqawi", "Palestinian -(\"al-Zarqawi\" OR alZarqawi)")]
    [InlineData("Barghouti (election OR vote)", "Barghouti (election OR vote)")]
    [InlineData("WAR IN IRAQ", "war iraq")]
    [InlineData("poacher OR (poaching NEAR/8 (elephant OR rhino))", "poacher OR poaching NEAR/8 (elephant OR rhino)")]
    [InlineData("(strike OR walkout) NEAR/5 (union OR workers)", "(strike OR walkout) NEAR/5 (union OR workers)")]
    [InlineData("title:(Kabul OR Kandahar) NEAR/3 troops", "(title:Kabul OR title:Kandahar) NEAR/3 troops")]
    [InlineData("(coach fired) NEAR/10 season", "(coach fired) NEAR/10 season")]
    [InlineData("(US OR U.S.) troops", "(US OR U.S.) troops")]
    [InlineData("Reuters NOT NEAR/3 (told OR said)", "Reuters NOT NEAR/3 (told OR said)")]
    [InlineData("Reuters not w/3 told", "Reuters NOT NEAR/3 told")]
    [InlineData("told NOT PRE/1 Reuters", "told NOT PRE/1 Reuters")]
    [InlineData("(Reuters NOT NEAR/2 told) NEAR/3 ratings", "(Reuters NOT NEAR/2 told) NEAR/3 ratings")]
    [InlineData("troops PRE/2 Iraq", "troops PRE/2 Iraq")]
    [InlineData("(troops OR re-examin*) NOT NEAR/2 place:Iraq", "(troops OR re-examin*) NOT NEAR/2 place:Iraq")]
    public void ToString_WrittenBack_KeepsTheQueryAndParsesBackTheSame(string query, string expected)
    {
        // Act: the evidence quotes matched clauses in these words, and the workbench parses written-back queries again.
        var written = QueryParser.Parse(query).ToString();
        var reparsed = QueryParser.Parse(written).ToString();

        // Assert
        Assert.Equal(expected, written);
        Assert.Equal(written, reparsed);
    }

    [Fact]
    public void Parse_HostileNesting_IsRejectedNotStackOverflow()
    {
        // Arrange
        var query = new string('(', 5_000) + "x" + new string(')', 5_000);
        var nots = string.Concat(Enumerable.Repeat("NOT ", 5_000)) + "x";

        // Act
        var nested = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));
        var negated = Assert.Throws<QueryParseException>(() => QueryParser.Parse(nots));

        // Assert
        Assert.Equal(33, nested.Position);
        Assert.Equal("at most 32 nested parentheses or NOTs", negated.Expected);
    }

    [Fact]
    public void Validate_BadQuery_ReturnsQueryErrorWithPosition()
    {
        // Arrange
        var topic = new WatchTopic("bad", "Bad", "troops (Kabul OR Kandahar");

        // Act
        var errors = TopicValidation.Validate(topic);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal("query", error.Field);
        Assert.Equal(26, error.Position);
        Assert.Equal("query: expected ')' at position 26", error.ToString());
    }

    [Fact]
    public void Validate_OnlyNegativeQuery_IsRejected()
    {
        // Act
        var errors = TopicValidation.Validate(new WatchTopic("neg", "Neg", "-sport -weather"));

        // Assert
        Assert.Contains(errors, e => e.Field == "query" && e.Message.Contains("must appear", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_LongQuery_AcceptedUpToTheLimitAndRefusedBeyondIt()
    {
        // Arrange: a league's teams listed by name, as a writer of the evaluation sets did (4,727 characters).
        var teams = string.Join(" OR ", Enumerable.Range(0, 600).Select(i => $"Team{i}"));
        var tooLong = new string('x', TopicValidation.MaxQueryLength + 1);

        // Act
        var accepted = TopicValidation.Validate(new WatchTopic("teams", "Teams", teams));
        var refused = TopicValidation.Validate(new WatchTopic("long", "Long", tooLong));

        // Assert
        Assert.True(teams.Length > 5_000);
        Assert.Empty(accepted);
        Assert.Contains(refused, e => e.ToString() == "query: must be at most 10,000 characters");
    }

    [Fact]
    public void Validate_BadIdThresholdAndNationality_AllReported()
    {
        // Arrange
        var topic = new WatchTopic("Bad Id", "", "troops")
        {
            Threshold = 1.5,
            Constraints = new TopicConstraints { ExcludeActorNationalities = ["Martian"] },
        };

        // Act
        var fields = TopicValidation.Validate(topic).Select(e => e.Field).ToList();

        // Assert
        Assert.Equal(["id", "name", "threshold", "constraints.excludeActorNationalities[0]"], fields);
    }

    [Theory]
    [InlineData("Europe")]
    [InlineData("the Middle East")]
    [InlineData("Turkish")]
    public void Validate_RegionOrNationalityAsActorNationality_Accepted(string nationality)
    {
        // Arrange
        var topic = new WatchTopic("strikes", "Strikes", "strike*")
        {
            Constraints = new TopicConstraints { ActorNationalities = [nationality] },
        };
        var excluding = new WatchTopic("strikes", "Strikes", "strike*")
        {
            Constraints = new TopicConstraints { ExcludeActorNationalities = [nationality] },
        };

        // Act
        var errors = TopicValidation.Validate(topic).Concat(TopicValidation.Validate(excluding));

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("France", "Europe", "'Europe' takes in the required nationality 'France': no actor could be both")]
    [InlineData("Turkey", "Turkish", "'Turkish' takes in the required nationality 'Turkey': no actor could be both")]
    [InlineData("Turkish", "Turkish", "'Turkish' is also a required nationality: no actor could be both")]
    public void Validate_ExcludedNationalityTakingInARequiredOne_Refused(string required, string excluded, string message)
    {
        // Arrange: an actor must be of a required nationality and of none excluded.
        var topic = new WatchTopic("strikes", "Strikes", "strike*")
        {
            Constraints = new TopicConstraints { ActorNationalities = [required, "Brazil"], ExcludeActorNationalities = [excluded] },
        };

        // Act
        var errors = TopicValidation.Validate(topic);

        // Assert
        var error = Assert.Single(errors);
        Assert.Equal("constraints.excludeActorNationalities[0]", error.Field);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("troops OR forces", "troops OR forces")]
    [InlineData("troops forces", "troops forces")]
    [InlineData("troops AND -Iraq", "troops -Iraq")]
    [InlineData("title:(Kabul OR Kandahar) troops", "(title:Kabul OR title:Kandahar) troops")]
    [InlineData("\"secure the airport\"~2 deploy*", "\"secure the airport\"~2 deploy*")]
    [InlineData("troops NEAR/3 Kabul", "troops NEAR/3 Kabul")]
    [InlineData("troops or forces", "troops OR forces")]
    [InlineData("the troops", "troops")]
    [InlineData("patent (re-examin* OR challeng*)", "patent (re-examin* OR challeng*)")]
    [InlineData("title:re-examin* patent", "title:re-examin* patent")]
    public void Parse_ValidQuery_HasExpectedShape(string query, string canonical)
    {
        // Act
        var node = QueryParser.Parse(query);

        // Assert
        Assert.Equal(canonical, node.ToString());
    }
}
