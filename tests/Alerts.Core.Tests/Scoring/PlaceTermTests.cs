using Alerts.Core.Scoring;
using Alerts.Core.Text;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using static Alerts.Core.Tests.TestSupport;

namespace Alerts.Core.Tests.Scoring;

/// <summary><c>place:</c> in a query: any name the recogniser reads as a place inside the one asked for.</summary>
public sealed class PlaceTermTests
{
    [Theory]
    [InlineData("place:Massachusetts", "Court denies new trial", "BOSTON, Mass. (AP) - The state's highest court ruled on Tuesday.", true)]
    [InlineData("place:Massachusetts", "Mass. court denies new trial", "The ruling came on Tuesday.", true)]
    [InlineData("place:Massachusetts", "Springfield, Mass., bishop resigns", "The diocese named a successor.", true)]
    [InlineData("place:Massachusetts", "Court rules on schools", "AUSTIN, Texas (AP) - The court ruled on Friday.", false)]
    [InlineData("place:\"United States\"", "Wildfire spreads", "SACRAMENTO, Calif. - Crews fought the fire on Monday.", true)]
    [InlineData("place:\"West Africa\"", "Peacekeepers arrive", "ABIDJAN (Reuters) - French troops landed on Sunday.", true)]
    [InlineData("place:\"West Africa\"", "Peacekeepers arrive", "PORT-AU-PRINCE (Reuters) - UN troops landed on Sunday.", false)]
    [InlineData("storm* -place:Texas", "Storm floods streets", "HOUSTON (AP) - Rain flooded roads on Monday.", false)]
    [InlineData("storm* -place:Texas", "Storm floods streets", "MIAMI (AP) - Rain flooded roads on Monday.", true)]
    [InlineData("title:place:Ontario", "Toronto mayor seeks transit money", "The city council met on Monday.", true)]
    [InlineData("title:place:Ontario", "Transit money sought", "TORONTO (CP) - The mayor asked Ottawa for help.", false)]
    public void Alerts_PlaceTerm_MatchesNamesOfPlacesInsideIt(string query, string title, string body, bool alerts)
    {
        // Act / Assert
        Assert.Equal(alerts, TestSupport.Alerts(Topic(query) with { Threshold = 0.5 }, title, body));
    }

    [Theory]
    [InlineData("Ontario", "Transit money sought", "TORONTO (CP) - The mayor asked for help on Monday.", true)]
    [InlineData("Ontario", "Transit money sought", "MONTREAL (CP) - The mayor asked for help on Monday.", false)]
    [InlineData("New South Wales", "Bushfires threaten homes", "SYDNEY (Reuters) - Crews fought the fires on Monday.", true)]
    public void Alerts_ProvinceRequired_HoldsAStoryDatelinedInOneOfItsCities(string province, string title, string body, bool alerts)
    {
        // Arrange: since the thirty-seventh stop Canadian and Australian cities carry their province or state.
        var topic = Topic("mayor OR fires", new TopicConstraints { Places = [province] });

        // Act / Assert
        Assert.Equal(alerts, TestSupport.Alerts(topic, title, body));
    }

    [Fact]
    public void Alerts_PlaceTermBesideExclusions_IsTheSubjectAnywhereInThePlaceButThose()
    {
        // Arrange: a state's local news without its teams, which no list of words the writer can guess would find.
        var topic = Topic("place:Massachusetts -title:(\"Red Sox\" OR Patriots)") with { Threshold = 0.5 };

        // Act / Assert
        Assert.True(TestSupport.Alerts(topic, "Big Dig leaks worse than thought", "BOSTON (AP) - Engineers found more leaks in the tunnel."));
        Assert.False(TestSupport.Alerts(topic, "Red Sox beat Yankees", "BOSTON (AP) - Boston won 5-3."));
    }

    [Theory]
    [InlineData("BOSTON, Mass. (AP) - The state's highest court ruled on Tuesday.")]
    [InlineData("BOSTON (AP) - The state's highest court ruled on Tuesday.")]
    public void Match_TownWithItsStateAfterAComma_IsOneMention(string body)
    {
        // Act
        var match = Match(Topic("place:Massachusetts") with { Threshold = 0.5 }, "Court denies new trial", body);

        // Assert: the same one place, whether or not the dateline writes its state.
        Assert.Equal(0.65, match!.Score, 2);
    }

    [Fact]
    public void Match_ListOfTownsWithCommas_IsOneMentionEach()
    {
        // Act: a town's state after its comma is the same place; the next town of a list is another.
        var match = Match(Topic("place:Massachusetts") with { Threshold = 0.5 }, "Schools reopen", "Pupils in Brockton, Framingham returned on Monday.");

        // Assert
        Assert.Equal(0.7, match!.Score, 2);
    }

    [Fact]
    public void Alerts_PlaceTermNearAWord_PairsThePlaceWithIt()
    {
        // Arrange
        var topic = Topic("quake* NEAR/5 place:Japan") with { Threshold = 0.5 };

        // Act / Assert
        Assert.True(TestSupport.Alerts(topic, "Quake shakes northern Japan", "Buildings swayed in Tokyo."));
        Assert.False(TestSupport.Alerts(topic, "Quake shakes Chile", "Markets in Japan were calm, traders said after the long weekend."));
    }

    [Fact]
    public void Match_PlaceTerm_ShowsWhereItFoundThePlaceInTheEvidence()
    {
        // Act
        var match = Match(Topic("place:Massachusetts") with { Threshold = 0.5 }, "Court denies new trial", "BOSTON, Mass. (AP) - The court ruled.");

        // Assert
        Assert.Contains(match!.Evidence, e => e.Kind == "place" && e.Description.Contains("place:Massachusetts", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("place:Masachusetts", "unknown place 'Masachusetts'; did you mean 'Massachusetts'?", 7)]
    [InlineData("place:New York", "a name of several words goes in quotes: place:\"New York\"", 7)]
    [InlineData("place:(Ohio)", "a place after 'place:'", 7)]
    [InlineData("place:Masachusetts court", "did you mean 'Massachusetts'?", 7)]
    [InlineData("place:West Africa", "a name of several words goes in quotes: place:\"West Africa\"", 7)]
    public void Parse_PlaceTheRecogniserDoesNotKnow_IsRefusedWhereItIsWritten(string query, string expected, int position)
    {
        // Act
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        // Assert
        Assert.Contains(expected, error.Expected, StringComparison.Ordinal);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Parse_OrganisationAfterPlace_IsNoPlaceAndNotOffered()
    {
        // Act
        var error = Assert.Throws<QueryParseException>(() => QueryParser.Parse("place:NATO"));

        // Assert
        Assert.Contains("unknown place 'NATO'", error.Expected, StringComparison.Ordinal);
        Assert.DoesNotContain("'NATO' or", error.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_QueryThatAsksOnlyForAPlace_IsAcceptedAndFiledUnderItsCountry()
    {
        // Arrange
        var topic = Topic("place:Massachusetts -title:Patriots");
        var excludedOnly = Topic("-place:Massachusetts -title:Patriots");

        // Act
        var index = Index(topic);

        // Assert
        Assert.Empty(TopicValidation.Validate(topic));
        Assert.Contains(TopicValidation.Validate(excludedOnly), e => e.Message.StartsWith("needs at least one word, phrase or place:", StringComparison.Ordinal));
        Assert.Equal(0, index.UnindexedCount);
        Assert.Equal("place:Massachusetts", QueryParser.Parse("place:Massachusetts").ToString());
        Assert.Equal("place:\"West Africa\"", QueryParser.Parse("place:\"West Africa\"").ToString());
    }

    [Theory]
    [InlineData("place:Massachusetts", "Court denies new trial", "BOSTON (AP) - The court ruled on Tuesday.", true)]
    [InlineData("place:Massachusetts", "Court denies new trial", "AUSTIN, Texas (AP) - The court ruled on Tuesday.", true)]
    [InlineData("place:Massachusetts", "Court denies new trial", "PARIS (Reuters) - The court ruled on Tuesday.", false)]
    [InlineData("place:Massachusetts", "Court denies new trial", "The court ruled on Tuesday.", false)]
    [InlineData("place:\"West Africa\"", "Peacekeepers arrive", "ABIDJAN (Reuters) - Troops landed on Sunday.", true)]
    [InlineData("place:\"West Africa\"", "Peacekeepers arrive", "NAIROBI (Reuters) - Troops landed on Sunday.", false)]
    [InlineData("flood* OR place:Texas", "Floods hit Europe", "Rivers rose on Monday.", true)]
    [InlineData("flood* OR place:Texas", "Storm hits coast", "HOUSTON (AP) - Rain fell on Monday.", true)]
    [InlineData("flood* OR place:Texas", "Storm hits coast", "Rain fell on Monday.", false)]
    public void Candidates_PlaceTerm_FiledUnderTheCountriesItLiesIn(string query, string title, string body, bool candidate)
    {
        // Arrange: a place is filed under its countries, so an article naming no place there is never verified; one
        // naming another place of the country is (the presearcher reads countries, the verification the place).
        var index = Index(Topic(query));

        // Act
        var candidates = index.Candidates(new AnalyzedDocument(title, body));

        // Assert
        Assert.Equal(0, index.UnindexedCount);
        Assert.Equal(candidate, candidates.Count == 1);
    }

    [Fact]
    public void Candidates_PlaceTermBesideAWord_IsFiledUnderTheWordOnly()
    {
        // Arrange: reading an article's places costs more than looking up its words, so a word is the key when there is one.
        var index = Index(Topic("mayor* place:Ontario"));

        // Act
        var withoutTheWord = index.Candidates(new AnalyzedDocument("Council meets", "TORONTO (CP) - The council met on Monday."));
        var withTheWord = index.Candidates(new AnalyzedDocument("Mayor meets council", "The council met on Monday."));

        // Assert
        Assert.Empty(withoutTheWord);
        Assert.Single(withTheWord);
        Assert.Equal(1, index.KeyCount);
    }
}
