using static Alerts.Core.Tests.TestSupport;

namespace Alerts.Core.Tests.Scoring;

public sealed class QuerySemanticsTests
{
    [Theory]
    [InlineData("troops Kabul", "Extra troops arrive in Kabul", true)]
    [InlineData("troops Kabul", "Extra troops arrive in Herat", false)]
    [InlineData("troops OR marines", "Marines land", true)]
    [InlineData("troops -Iraq", "Troops head to Iraq", false)]
    [InlineData("troops NOT Iraq", "Troops head home", true)]
    [InlineData("\"secure the airport\"", "They will secure an airport", true)]
    [InlineData("\"secure the airport\"", "The airport is secure", false)]
    [InlineData("\"troops airport\"~3", "troops guard the airport", true)]
    [InlineData("\"troops airport\"~1", "troops guard the airport", false)]
    [InlineData("deploy*", "The deployments continue", true)]
    [InlineData("deploy*", "Ships were sent", false)]
    [InlineData("troops NEAR/3 airport", "troops guard the airport", true)]
    [InlineData("troops NEAR/3 airport", "troops were seen today, and later that week someone mentioned the airport", false)]
    [InlineData("DEPLOYMENT", "Nations deployed soldiers", true)]
    [InlineData("Kābul", "KABUL bombing", true)]
    [InlineData("al-Qaeda", "Al Qaeda leaders", true)]
    [InlineData("(troops OR soldiers) (Kabul OR Herat)", "Soldiers patrol Herat", true)]
    public void Query_Semantics_MatchAsDocumented(string query, string title, bool expected)
    {
        // Act
        var match = Match(Topic(query), title, string.Empty);

        // Assert
        Assert.Equal(expected, match is not null);
    }

    [Fact]
    public void TitleScope_WordOnlyInBody_DoesNotMatch()
    {
        // Arrange
        var topic = Topic("title:earthquake");

        // Act
        var inBody = Match(topic, "Markets calm", "An earthquake shook the coast.");
        var inTitle = Match(topic, "Earthquake shakes coast", "Markets were calm.");

        // Assert
        Assert.Null(inBody);
        Assert.NotNull(inTitle);
    }

    [Fact]
    public void Score_TitleMatch_WeighsMoreThanBodyMatch()
    {
        // Arrange
        var topic = Topic("earthquake tsunami");

        // Act
        var title = Match(topic, "Earthquake and tsunami warning issued", "Officials spoke on Monday.")!;
        var body = Match(topic, "Officials speak", "An earthquake and tsunami warning was issued on Monday.")!;

        // Assert
        Assert.True(title.Score > body.Score, $"title {title.Score} body {body.Score}");
    }

    [Fact]
    public void Score_CloseClauses_BeatDistantClauses()
    {
        // Arrange
        var topic = Topic("earthquake tsunami");
        var filler = string.Join(" ", Enumerable.Repeat("Markets moved on other news again.", 15));

        // Act
        var close = Match(topic, "News", "An earthquake triggered a tsunami. " + filler)!;
        var far = Match(topic, "News", "An earthquake was felt. " + filler + " A tsunami was unrelated.")!;

        // Assert
        Assert.True(close.Score > far.Score, $"close {close.Score} far {far.Score}");
        Assert.True(close.Alert);
        Assert.False(far.Alert);
    }

    [Fact]
    public void Evidence_ListsClausesWithHighlightedSnippets()
    {
        // Act
        var match = Match(Topic("(troops OR soldiers) Kabul"), "Soldiers reach Kabul", "More soldiers are expected.")!;

        // Assert
        Assert.Contains(match.Evidence, e => e.Kind == "or" && e.Description == "title: troops OR soldiers" && e.Snippet!.Contains("«Soldiers»", StringComparison.Ordinal));
        Assert.Contains(match.Evidence, e => e.Kind == "term" && e.Snippet!.Contains("«Kabul»", StringComparison.Ordinal));
    }
}
