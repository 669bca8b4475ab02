using Alerts.Core.Articles;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;

namespace Alerts.Core.Tests.Workbench;

/// <summary>"I missed this": why a topic did not alert, and changes that would have, tried on stored articles.</summary>
public sealed class MissedArticleTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly WatchTopic Quakes = new("quakes-japan", "Earthquakes in Japan", "(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed)")
    {
        Constraints = new TopicConstraints { Places = ["Japan"] },
    };

    private static readonly Article Tokyo = Story("tokyo", "Earthquake damages buildings in Tokyo", "A strong earthquake damaged dozens of buildings in Tokyo, Japan.");
    private static readonly Article Hokkaido = Story("hokkaido", "Tsunami warning after earthquake off Hokkaido", "Japan issued a tsunami warning after a strong earthquake struck off Hokkaido.");
    private static readonly Article Chile = Story("chile", "Earthquake in Chile: 5 killed", "An earthquake killed five people in northern Chile, officials in Santiago said.");
    private static readonly Article Drill = Story("drill", "Tsunami drill in Osaka", "Thousands took part in a tsunami evacuation drill in Osaka, Japan.");

    private static Article Story(string key, string title, string summary) =>
        new(key, "wire", title, $"https://news.example.org/{key}", summary, null, Now) { FirstSeen = Now };

    [Fact]
    public void Explain_ArticleLackingOneWordGroup_NamesTheGroupAndOffersItsWordsWithTheirCost()
    {
        var explanation = MissedArticle.Explain(Quakes, Hokkaido, [Tokyo, Hokkaido, Chile, Drill]);

        Assert.False(explanation.Alerted);
        Assert.StartsWith("no word from group 2: ", Assert.Single(explanation.Reasons), StringComparison.Ordinal);
        var tsunami = Assert.Single(explanation.Changes, change => change.Change == "add “tsunami” to group 2");
        Assert.Equal("(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed OR tsunami)", tsunami.Topic.Query);
        Assert.Equal((2, 1), (tsunami.Alerts, tsunami.NewAlerts));
        Assert.All(explanation.Changes, change => Assert.True(change.NewAlerts >= 1));
        Assert.Equal(explanation.Changes.OrderBy(c => c.NewAlerts).Select(c => c.NewAlerts), explanation.Changes.Select(c => c.NewAlerts));
    }

    [Fact]
    public void Explain_MissingGroupIsAWordGroup_AddsTheWordToTheGroupAndKeepsTheQuery()
    {
        // Arrange: group 2 is @harm, used by its name; the query must keep using it, not spell it out.
        var topic = Quakes with
        {
            Query = "@quake @harm -@drills",
            Groups = new Dictionary<string, string> { ["quake"] = "earthquake* OR quake*", ["harm"] = "damage* OR killed OR injured OR collapsed", ["drills"] = "drill OR exercise" },
        };

        // Act
        var explanation = MissedArticle.Explain(topic, Hokkaido, [Tokyo, Hokkaido, Chile, Drill]);

        // Assert
        var tsunami = Assert.Single(explanation.Changes, change => change.Change == "add “tsunami” to @harm (group 2)");
        Assert.Equal("@quake @harm -@drills", tsunami.Topic.Query);
        Assert.Equal("damage* OR killed OR injured OR collapsed OR tsunami", tsunami.Topic.Groups!["harm"]);
        Assert.Equal("earthquake* OR quake*", tsunami.Topic.Groups["quake"]);
        Assert.Equal((2, 1), (tsunami.Alerts, tsunami.NewAlerts));
    }

    [Fact]
    public void Explain_MissingGroupWrittenOutBesideWordGroups_KeepsTheOthersByName()
    {
        // Arrange: group 1 and the exclusion are word groups; group 2 is written out in the query.
        var topic = Quakes with
        {
            Query = "@quake (damage* OR killed OR injured OR collapsed) -@drills",
            Groups = new Dictionary<string, string> { ["quake"] = "earthquake* OR quake*", ["drills"] = "drill OR exercise" },
        };

        // Act
        var explanation = MissedArticle.Explain(topic, Hokkaido, [Tokyo, Hokkaido, Chile, Drill]);

        // Assert
        var tsunami = Assert.Single(explanation.Changes, change => change.Change == "add “tsunami” to group 2");
        Assert.Equal("@quake (damage* OR killed OR injured OR collapsed OR tsunami) -@drills", tsunami.Topic.Query);
        Assert.Equal(topic.Groups, tsunami.Topic.Groups);
    }

    [Fact]
    public void Explain_GroupUsedTwice_SaysTheChangeReachesItsOtherUse()
    {
        var topic = Quakes with
        {
            Query = "@quake @harm -(@harm NEAR/3 drill)",
            Groups = new Dictionary<string, string> { ["quake"] = "earthquake* OR quake*", ["harm"] = "damage* OR killed OR injured OR collapsed" },
        };

        var explanation = MissedArticle.Explain(topic, Hokkaido, [Tokyo, Hokkaido, Chile, Drill]);

        var tsunami = Assert.Single(explanation.Changes, change => change.Change.StartsWith("add “tsunami” to @harm", StringComparison.Ordinal));
        Assert.Equal("add “tsunami” to @harm (group 2, also used elsewhere in the query)", tsunami.Change);
        Assert.Equal(topic.Query, tsunami.Topic.Query);
    }

    [Fact]
    public void Explain_ClauseWrittenLikeAGroupUsedOnlyInAnExclusion_AddsTheWordToTheClauseInstead()
    {
        // Arrange: group 2 is written out with @harm's words, and @harm is used only in the exclusion; adding the word
        // to @harm would widen the exclusion and never catch the story, so the clause written out takes it.
        var topic = Quakes with
        {
            Query = "(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed) -(@harm NEAR/2 drill)",
            Groups = new Dictionary<string, string> { ["harm"] = "damage* OR killed OR injured OR collapsed" },
        };

        // Act
        var explanation = MissedArticle.Explain(topic, Hokkaido, [Tokyo, Hokkaido, Chile, Drill]);

        // Assert
        var tsunami = Assert.Single(explanation.Changes, change => change.Change == "add “tsunami” to group 2");
        Assert.StartsWith("(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed OR tsunami) -", tsunami.Topic.Query, StringComparison.Ordinal);
        Assert.Equal(topic.Groups, tsunami.Topic.Groups);
        Assert.DoesNotContain(explanation.Changes, change => change.Change.Contains("@harm", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_QueryWithCategories_ProposesChangesThatKeepThem()
    {
        // Arrange: the proposal rewrites the query; the sections it narrows to and leaves out must stay.
        var topic = Quakes with { Query = Quakes.Query + " (category:World OR category:Asia) -category:Sports" };
        var filed = Hokkaido with { Categories = ["World"] };

        // Act
        var explanation = MissedArticle.Explain(topic, filed, [Tokyo with { Categories = ["World"] }, filed]);

        // Assert
        var tsunami = Assert.Single(explanation.Changes, change => change.Change == "add “tsunami” to group 2");
        Assert.Equal("(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed OR tsunami) (category:World OR category:Asia) -category:Sports", tsunami.Topic.Query);
    }

    [Fact]
    public void Explain_ArticleOutsideTheTopicsCategory_SaysWhereItWasFiled()
    {
        // Arrange
        var topic = Quakes with { Query = Quakes.Query + " category:World" };

        // Act
        var explanation = MissedArticle.Explain(topic, Tokyo with { Categories = ["Sports"] }, [Tokyo]);

        // Assert
        Assert.Contains("it is not filed under category:World (its categories: Sports)", Assert.Single(explanation.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_ConstraintThatFailed_IsNamedAndRemovingItIsPreviewed()
    {
        var explanation = MissedArticle.Explain(Quakes, Chile, [Tokyo, Chile]);

        Assert.StartsWith("constraint: ", Assert.Single(explanation.Reasons), StringComparison.Ordinal);
        var removed = Assert.Single(explanation.Changes);
        Assert.Equal("remove the constraints", removed.Change);
        Assert.Null(removed.Topic.Constraints);
        Assert.Equal((2, 1), (removed.Alerts, removed.NewAlerts));
    }

    [Fact]
    public void Explain_ArticleThatAlerts_SaysSo()
    {
        var explanation = MissedArticle.Explain(Quakes, Tokyo, [Tokyo]);

        Assert.True(explanation.Alerted);
        Assert.Empty(explanation.Changes);
    }

    [Fact]
    public void Explain_GroupWhoseMentionsAreAllKeptAway_SaysSoAndProposesNoWord()
    {
        // CNN is there, but only as a source ("told CNN"): adding words to the group would not be the fix.
        var topic = new WatchTopic("cable-ratings", "Cable news ratings", "(CNN OR NBC) NOT NEAR/3 told ratings");
        var cited = Story("cited", "Senator speaks", "The senator told CNN on Sunday that approval ratings were falling.");

        var explanation = MissedArticle.Explain(topic, cited, [cited]);

        Assert.False(explanation.Alerted);
        Assert.Equal("group 1 found only what it keeps away (CNN beside told): (CNN OR C.N.N. OR NBC OR N.B.C.) NOT NEAR/3 told", Assert.Single(explanation.Reasons));
        Assert.Empty(explanation.Changes);
    }

    [Fact]
    public void Explain_GroupsWordsTooFarApart_SaysSoAndProposesNoWord()
    {
        // Arrange: "sold" and "unit" are both there, further apart than NEAR/2 allows: another word is no fix.
        var topic = new WatchTopic("unit-sales", "Units sold", "Siemens (sold NEAR/2 unit)");
        var far = Story("far", "Siemens results", "Siemens sold more trains this year, and its phone unit lost money.");

        // Act
        var explanation = MissedArticle.Explain(topic, far, [far]);

        // Assert
        Assert.Equal("group 2 has its words, but not as close together as it asks: sold NEAR/2 unit", Assert.Single(explanation.Reasons));
        Assert.Empty(explanation.Changes);
    }

    [Fact]
    public void Explain_GroupsPhraseOnlyBelowTheHeadline_SaysItIsNotInTheTitle()
    {
        // Arrange: "running back" is there, in the body; the group asks for it in the title.
        var topic = new WatchTopic("running-backs", "Running backs", "Panthers title:\"running back\"");
        var below = Story("below", "Carolina's Davis done for the season", "The Panthers' running back is injured and will miss the rest of the year.");

        // Act
        var explanation = MissedArticle.Explain(topic, below, [below]);

        // Assert
        Assert.Equal("group 2 has its words, but not in the title as it asks: title:\"running back\"", Assert.Single(explanation.Reasons));
        var change = Assert.Single(explanation.Changes);
        Assert.Equal("add “\"running back\"” to group 2", change.Change);
        Assert.Equal("Panthers (title:\"running back\" OR \"running back\")", change.Topic.Query);
    }

    [Fact]
    public void Explain_OnlyOtherFormsThanAHashWordAsksFor_NamesThemAndProposesThem()
    {
        // Arrange: `#unit` asks for "unit"; the story writes "units", which adding to the group would catch.
        var topic = new WatchTopic("unit-sales", "Units sold", "(sell* OR sold) #unit");
        var units = Story("units", "EU clears sale of units", "Regulators cleared the sale of two units sold by the group.");

        // Act
        var explanation = MissedArticle.Explain(topic, units, [units]);

        // Assert
        Assert.Equal("group 2 has only other forms than its # words ask for (units): #unit", Assert.Single(explanation.Reasons));
        Assert.Contains(explanation.Changes, change => change.Change == "add “units” to group 2");
    }
}
