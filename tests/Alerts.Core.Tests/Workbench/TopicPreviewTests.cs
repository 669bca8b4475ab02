using Alerts.Core.Articles;
using Alerts.Core.Entities;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;

namespace Alerts.Core.Tests.Workbench;

/// <summary>A topic tried on stored articles: what alerts, what nearly does and why, and what words to consider.</summary>
public sealed class TopicPreviewTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly WatchTopic Quakes = new("quakes-japan", "Earthquakes in Japan", "(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed)")
    {
        Constraints = new TopicConstraints { Places = ["Japan"] },
    };

    private static Article Story(string key, string title, string summary) =>
        new(key, "wire", title, $"https://news.example.org/{key}", summary, null, Now) { FirstSeen = Now };

    [Fact]
    public void Run_StoredArticles_SortsAlertsNearMissesAndTheRest()
    {
        Article[] stored =
        [
            Story("tokyo", "Earthquake damages buildings in Tokyo", "A strong earthquake damaged dozens of buildings in Tokyo, Japan, on Monday; tsunami warnings were lifted."),
            Story("chile", "Earthquake in Chile: 5 killed", "An earthquake killed five people in northern Chile, officials in Santiago said; a tsunami alert followed."),
            Story("hokkaido", "Tsunami warning after earthquake off Hokkaido", "Japan issued a tsunami warning after a strong earthquake struck off Hokkaido."),
            Story("stocks", "Stocks rise in Tokyo", "Japanese shares rose for a third day on exporters."),
        ];

        var result = TopicPreview.Run(Quakes, stored);

        Assert.Equal(4, result.Scanned);
        Assert.Equal("tokyo", Assert.Single(result.Alerts).Article.Key);
        var chile = Assert.Single(result.NearMisses, item => item.Article.Key == "chile");
        Assert.Contains("constraint: ", chile.Why, StringComparison.Ordinal);
        var hokkaido = Assert.Single(result.NearMisses, item => item.Article.Key == "hokkaido");
        Assert.StartsWith("no word from group 2: ", hokkaido.Why, StringComparison.Ordinal);
        Assert.DoesNotContain(result.NearMisses, item => item.Article.Key == "stocks");
        Assert.Contains(result.Suggestions, suggestion => suggestion.Term == "tsunami" && suggestion.Articles == 3);
        Assert.DoesNotContain(result.Suggestions, suggestion => suggestion.Term.StartsWith("earthquake", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_QueryWithNames_ListsThemOnceInQueryOrder()
    {
        var topic = new WatchTopic("mars", "Mars", "(Mars OR \"Red Planet\" OR Martian) (rover* OR Games OR lander) -title:Mars -Beagle");

        var result = TopicPreview.Run(topic, []);

        Assert.Equal(["Mars", "Martian", "Beagle"], result.Names);
        Assert.Contains("Mars, Martian, Beagle", TopicPreview.NamesLine(result.Names), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TopicWithPlaces_SaysHowEachWasReadAndHowToAskForAnother()
    {
        var topic = new WatchTopic("storms", "Storms", "storm*")
        {
            Constraints = new TopicConstraints { Places = ["Georgia", "Paris, Texas"], ExcludePlaces = ["Ohio"] },
        };

        var result = TopicPreview.Run(topic, []);

        Assert.Equal(
            "Places read as: Georgia → the country Georgia (for Georgia, a state or province of the United States, write \"Georgia, United States\"); "
            + "Paris, Texas → Paris, in Texas, the United States; Ohio → Ohio, a state or province of the United States.",
            result.Places);
        Assert.Null(TopicPreview.Run(new WatchTopic("quakes", "Quakes", "quake*"), []).Places);
    }

    [Fact]
    public void Run_PlacesOfAPeopleOrSharedWithTownsAbroad_SaysWhatTheConstraintTakesAndHowToAskForTheOther()
    {
        // Arrange: a nation's people, a country's name shared with another country, a town's name shared with a town
        // abroad (an independent review found the line calling "Scottish" the United Kingdom, offering "Congo, Republic of
        // the Congo", which is refused, and no way to the other Durham).
        var topic = new WatchTopic("storms", "Storms", "storm*")
        {
            Constraints = new TopicConstraints { Places = ["Scottish", "Congo", "Durham"] },
        };

        // Act
        var places = TopicPreview.Run(topic, []).Places;

        // Assert: each suggested spelling is one the topic's check accepts.
        Assert.Equal(
            "Places read as: Scottish → Scotland, a state or province of the United Kingdom; "
            + "Congo → the country DR Congo (for the country Republic of the Congo, write \"Republic of the Congo\"); "
            + "Durham → Durham, in North Carolina, the United States (for Durham, in England, the United Kingdom, write \"Durham, England\").",
            places);
        Assert.NotNull(Gazetteer.Default.Resolve("Republic of the Congo"));
        Assert.Equal("GB", Gazetteer.Default.Resolve("Durham, England")?.CountryCode);
    }

    [Fact]
    public void Run_ScoreJustUnderTheThreshold_IsANearMissThatSaysSo()
    {
        var strict = Quakes with { Threshold = 0.7, Constraints = null };

        var result = TopicPreview.Run(strict, [Story("long", "Markets in Asia", "Shares fell across Asia on Monday. " + string.Join(" ", Enumerable.Repeat("Traders watched the yen.", 8)) + " Late in the day an earthquake hit; nobody was injured.")]);

        var item = Assert.Single(result.NearMisses);
        Assert.Contains("just under the threshold 0.70", item.Why, StringComparison.Ordinal);
        Assert.Empty(result.Alerts);
    }

    [Fact]
    public void Run_SemanticSignalOn_ListsUnmatchedArticlesCloseInMeaningFromTheirStoredVectors()
    {
        var embedder = new ThemeEmbedder();
        var tremor = Story("tremor", "Tremor rattles Tokyo high-rises", "Office towers in Tokyo swayed for a minute on Tuesday.");
        var markets = Story("markets", "Shares rise in Tokyo", "Exporters led gains.");
        Article[] stored =
        [
            tremor with { Embedding = Embeddings.Encode(embedder.Embed(Embeddings.TextOf(tremor))) },
            markets with { Embedding = Embeddings.Encode(embedder.Embed(Embeddings.TextOf(markets))) },
        ];
        var calls = embedder.Calls;

        var result = TopicPreview.Run(Quakes with { Description = "Earthquakes and tremors striking Japan" }, stored, (embedder, 0.6));

        var near = Assert.Single(result.NearMisses);
        Assert.Equal("tremor", near.Article.Key);
        Assert.StartsWith("close in meaning to the topic (similarity ", near.Why, StringComparison.Ordinal);
        Assert.Equal(calls + 1, embedder.Calls); // the topic's text only: stored articles bring their vectors
    }

    [Fact]
    public void Run_SemanticSignalOn_LeavesOutWhatTheQueryExcludesOrFilters()
    {
        // Arrange: close in meaning, but filed where the topic does not look, or carrying an excluded word.
        var embedder = new ThemeEmbedder();
        var filed = Story("filed", "Tremor rattles Tokyo high-rises", "Office towers in Tokyo swayed for a minute.") with { Categories = ["Sports"] };
        var excluded = Story("excluded", "Tremor rattles Tokyo drill", "Office towers in Tokyo swayed in a drill.");
        Article[] stored = [.. new[] { filed, excluded }.Select(a => a with { Embedding = Embeddings.Encode(embedder.Embed(Embeddings.TextOf(a))) })];
        var topic = Quakes with { Description = "Earthquakes and tremors striking Japan", Query = Quakes.Query + " -category:Sports -drill" };

        // Act
        var result = TopicPreview.Run(topic, stored, (embedder, 0.6));

        // Assert
        Assert.Empty(result.NearMisses);
    }

    // Three themes, so that "tremor" and "earthquake" land together: enough to test the plumbing, not the model.
    private sealed class ThemeEmbedder : Alerts.Core.Scoring.ITextEmbedder
    {
        public int Calls { get; private set; }

        public float[] Embed(string text)
        {
            Calls++;
            var lower = text.ToLowerInvariant();
            float[] vector =
            [
                new[] { "earthquake", "tremor", "quake", "swayed" }.Count(lower.Contains),
                new[] { "japan", "tokyo" }.Count(lower.Contains) * 0.5f,
                new[] { "shares", "gains", "exporters" }.Count(lower.Contains),
            ];
            var length = MathF.Sqrt(vector.Sum(v => v * v));
            return [.. vector.Select(v => length == 0 ? 0 : v / length)];
        }
    }

    [Fact]
    public void Run_MoreThanListed_CountsTheRest()
    {
        var stored = Enumerable.Range(0, TopicPreview.MaxListed + 7)
            .Select(i => Story($"s{i}", $"Earthquake damages homes in Kobe {i}", "An earthquake damaged homes in Kobe, Japan."))
            .ToList();

        var result = TopicPreview.Run(Quakes, stored);

        Assert.Equal(TopicPreview.MaxListed, result.Alerts.Count);
        Assert.Equal(7, result.MoreAlerts);
    }

    [Fact]
    public void Run_WordFoldedIntoAnEverydayWord_ListsTheFormsItFoundInTheAlerts()
    {
        var topic = new WatchTopic("fraud", "Card fraud", "(carding OR phishing) -Poker*");
        Article[] stored =
        [
            Story("forum", "Police close a carding forum", "Investigators shut a site where stolen card numbers were sold."),
            Story("cards", "Cards beat the Astros", "The St. Louis Cardinals won again; the Cards lead the series."),
            Story("phish", "Phishing e-mails rise", "Banks warn of phishing."),
            Story("poker", "Poker cards", "A poker tournament's cards were carded by a dealer."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.Equal(3, result.Alerts.Count);
        var carding = result.WordsFound[0];
        Assert.Equal("carding", carding.Word);
        Assert.Equal(2, carding.Articles);
        Assert.Equal([new FoundForm("Cards", 1), new FoundForm("card", 1), new FoundForm("carding", 1)], carding.Forms);
        var phishing = Assert.Single(result.WordsFound, word => word.Word == "phishing");
        Assert.Equal([new FoundForm("Phishing", 1), new FoundForm("phishing", 1)], phishing.Forms);
        Assert.DoesNotContain(result.WordsFound, word => word.Word.StartsWith("Poker", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("carding: Cards (1), card (1), carding (1)", WordsFound.Line(carding));
    }

    [Fact]
    public void Run_PhrasesPrefixesSpellingsAndNear_EachListedAsWritten()
    {
        var topic = new WatchTopic("ceasefire", "Ceasefire", "(cease-fire OR \"peace talks\" OR negotiat*) NEAR/5 title:Sudan");
        Article[] stored =
        [
            Story("a", "Sudan agrees ceasefire", "Khartoum said the ceasefire would hold."),
            Story("b", "Sudan peace talks resume", "Negotiators met in Abuja."),
            Story("c", "Negotiations on Sudan stall", "No date was set."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.Equal(3, result.Alerts.Count);
        // "Negotiators" is in the text, out of NEAR/5 reach of the headline's Sudan: it did not bring its alert.
        Assert.Equal(["\"cease-fire\"", "\"peace talks\"", "negotiat*", "title:Sudan"], result.WordsFound.Select(w => w.Word).Order(StringComparer.Ordinal));
        Assert.Equal([new FoundForm("Negotiations", 1)], result.WordsFound.Single(w => w.Word == "negotiat*").Forms);
        Assert.Equal([new FoundForm("ceasefire", 1)], result.WordsFound.Single(w => w.Word == "\"cease-fire\"").Forms);
        Assert.Equal([new FoundForm("peace talks", 1)], result.WordsFound.Single(w => w.Word == "\"peace talks\"").Forms);
        Assert.Equal(3, result.WordsFound.Single(w => w.Word == "title:Sudan").Articles);
        Assert.DoesNotContain(result.Suggestions, suggestion => suggestion.Term.Equals("Sudan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Run_WordOfANearFoundElsewhereToo_CountsOnlyTheFormsTheNearMatched()
    {
        // "Steve Jobs" in the headline is a form of jobs, but what matched is "jobs were lost" in the text.
        var topic = new WatchTopic("job-losses", "Job losses", "(jobs OR workers) NEAR/2 lost");

        var result = TopicPreview.Run(topic, [Story("iPod", "Steve Jobs unveils a new iPod", "Analysts said 2,000 jobs were lost at the plant; workers were told on Monday.")]);

        Assert.Single(result.Alerts);
        Assert.Equal([new FoundForm("jobs", 1)], Assert.Single(result.WordsFound, w => w.Word == "jobs").Forms);
        Assert.DoesNotContain(result.WordsFound, w => w.Word == "workers");
        Assert.Equal([new FoundForm("lost", 1)], Assert.Single(result.WordsFound, w => w.Word == "lost").Forms);
    }

    [Fact]
    public void Run_NotNear_ListsTheWordsKeptAndCountsOnlyTheMatchesFarFromTheOthers()
    {
        // "told CNN" is a source, kept away by NOT NEAR; "Fox ratings" is what the topic asks for.
        var topic = new WatchTopic("cable-news", "Cable news", "(Fox OR CNN) NOT NEAR/3 told");

        var result = TopicPreview.Run(topic, [Story("ratings", "Fox ratings slide", "A rival's chief told CNN nothing."), Story("source", "Senator speaks", "He told CNN the bill would pass.")]);

        Assert.Equal("ratings", Assert.Single(result.Alerts).Article.Key);
        var fox = Assert.Single(result.WordsFound);
        Assert.Equal("Fox", fox.Word);
        Assert.Equal([new FoundForm("Fox", 1)], fox.Forms);
        Assert.DoesNotContain(result.WordsFound, word => word.Word.Contains("told", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WordKeptApartFromItsBase_SuggestsTheBasesOtherForms()
    {
        // `electricity` keeps to its own family, so "electrical" is a word the query does not cover.
        var topic = new WatchTopic("power-grid", "Power grids", "electricity (grid OR blackout)");
        Article[] stored =
        [
            Story("upgrade", "Electricity grid upgraded", "Utilities upgraded electrical lines."),
            Story("blackout", "Electricity blackout hits city", "Electrical faults caused the blackout."),
            Story("fault", "Grid failure", "An electrical fault cut power to the grid."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.Equal(2, result.Alerts.Count);
        Assert.Contains(result.Suggestions, suggestion => suggestion.Term.Equals("electrical", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Run_WordAskedForInOneForm_SuggestsItsOtherForms()
    {
        // `#unit` finds "unit" only: the near misses' "units" is a form the query leaves out, so it is suggested.
        var topic = new WatchTopic("unit-sales", "Units sold", "(sell* OR sold) #unit");
        Article[] stored =
        [
            Story("one", "Siemens sells mobile phone unit", "Siemens agreed to sell its mobile phone unit."),
            Story("two", "EU clears sale of units", "Regulators cleared the sale of two units sold by the group."),
            Story("three", "Group sold units to rival", "The group sold three units to a rival."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.Equal("one", Assert.Single(result.Alerts).Article.Key);
        Assert.Equal(["three", "two"], result.NearMisses.Select(item => item.Article.Key).Order());
        Assert.All(result.NearMisses, item => Assert.Equal("group 2 has only other forms than its # words ask for (units): #unit", item.Why));
        Assert.Contains(result.Suggestions, suggestion => suggestion.Term == "units" && suggestion.Articles == 2);
        Assert.DoesNotContain(result.Suggestions, suggestion => suggestion.Term.Equals("unit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Run_GroupsWordsTooFarApart_IsANearMissWithItsReason()
    {
        // Every word of the query is there, so the presearch finds the story in full; the group fails on distance.
        var topic = new WatchTopic("unit-sales", "Units sold", "Siemens (sold NEAR/2 unit)");
        Article[] stored =
        [
            Story("near", "Siemens sold phone unit", "Siemens sold its phone unit to BenQ."),
            Story("far", "Siemens results", "Siemens sold more trains this year, and its phone unit lost money."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.Equal("near", Assert.Single(result.Alerts).Article.Key);
        var far = Assert.Single(result.NearMisses);
        Assert.Equal("far", far.Article.Key);
        Assert.Equal("group 2 has its words, but not as close together as it asks: sold NEAR/2 unit", far.Why);
    }

    [Theory]
    [InlineData("(sell* OR sold) \"#unit\"", "units")]
    [InlineData("(sell* OR sold) #Macy's", "macy")]
    [InlineData("(sell* OR sold) #Café", "cafe")]
    public void Run_QueryWordsAsWritten_AreNotSuggestedBack(string query, string covered)
    {
        // A '#' inside quotes is text (the word keeps its endings); a possessive or an accent is folded as the text is.
        var topic = new WatchTopic("shops", "Shops sold", query);
        Article[] stored =
        [
            Story("one", "Macy's sells units", "Macy's sold two units and a cafe."),
            Story("two", "Cafe units sold", "The Macy's cafe units were sold."),
            Story("three", "Units for sale at Macy's", "Macy's will sell units and its cafe."),
        ];

        var result = TopicPreview.Run(topic, stored);

        Assert.DoesNotContain(result.Suggestions, suggestion => suggestion.Term.Equals(covered, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("police office", "officers", false)]
    [InlineData("police office", "office", true)]
    [InlineData("police negotiat*", "negotiators", true)]
    [InlineData("renew energy", "renewable", true)]
    [InlineData("renewable energy", "renewed", false)]
    [InlineData("electricity grid", "electrical", false)]
    [InlineData("(sold OR sell*) #unit", "unit", true)]
    [InlineData("(sold OR sell*) #unit", "units", false)]
    [InlineData("(sold OR sell*) \"#unit\"", "units", true)]
    [InlineData("(sold OR sell*) #Macy's", "macy", true)]
    [InlineData("title:Sudan talks", "sudanese", false)]
    [InlineData("title:Sudan talks", "sudan", true)]
    public void QueryWords_Cover_WhatTheQueryFinds(string query, string word, bool covered)
    {
        // A family kept apart (office, officers) is not covered by the other; a prefix covers its letters, a derivation's
        // base covers the derivation, a # word its one form.
        var words = QueryWords.Of(new WatchTopic("t", "T", query));

        Assert.Equal(covered, words.Cover(Alerts.Core.Text.TextAnalyzer.Analyze(word).Single()));
    }
}
