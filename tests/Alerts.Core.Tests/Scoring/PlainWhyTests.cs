using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Tests.Scoring;

/// <summary>The reader's "why", on the worked examples of docs/scoring.md.</summary>
public sealed class PlainWhyTests
{
    [Fact]
    public void Line_SampleTopicOnTheSeedArticle_SaysWhoWhereAndWhichWords()
    {
        // Arrange
        var match = TestSupport.Match(
            SampleTopics.AfghanistanForeignTroops,
            "Turkey rules out extra troops for Kabul airport security mission",
            "Turkey will not send more soldiers to guard Kabul's airport after NATO forces leave, its defence minister said.");

        // Act
        var line = PlainWhy.Line(match!, otherOutlets: 3);

        // Assert
        Assert.True(match!.Alert);
        Assert.Equal("Turkey involved · Kabul, Afghanistan · “troops” and “Kabul” in the headline · also reported by 3 other outlets", line);
        Assert.DoesNotContain(" OR ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_TopicWithoutConstraints_NamesTheWordsWhereTheyWere()
    {
        // Arrange
        var topic = TestSupport.Topic("(wildfire* OR brushfire*) (evacuat* OR acre*)");

        // Act
        var match = TestSupport.Match(topic, "Wildfire forces evacuations", "The fire burned 3,000 acres near the town.");

        // Assert
        Assert.Equal("“Wildfire” and “evacuations” in the headline", PlainWhy.Line(match!));
    }

    [Fact]
    public void Line_PlaceNamedThroughItsState_SaysTheCountry()
    {
        // Arrange
        var topic = TestSupport.Topic("wildfire* (burn* OR acre*)", new TopicConstraints { Places = ["United States"] });

        // Act
        var match = TestSupport.Match(topic, "Fire crews gain ground", "AUSTIN, Texas (Reuters) - A wildfire burned 3,000 acres.");

        // Assert
        Assert.StartsWith("AUSTIN, Texas, United States · ", PlainWhy.Line(match!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MUNICH, Germany (Reuters) - A wildfire burned 3,000 acres.", "MUNICH, Germany · ")]
    [InlineData("GROZNY, Russia (Reuters) - A wildfire burned 3,000 acres.", "GROZNY, Russia · ")]
    public void Line_CityOutsideTheCountriesWhosePressNamesTheState_SaysTheCountry(string body, string start)
    {
        // Arrange: the press writes "MUNICH, Germany", not Bavaria; a learnt subdivision may be missing elsewhere.
        var topic = TestSupport.Topic("wildfire* (burn* OR acre*)", new TopicConstraints { Places = ["Germany", "Russia"] });

        // Act
        var match = TestSupport.Match(topic, "Fire crews gain ground", body);

        // Assert
        Assert.StartsWith(start, PlainWhy.Line(match!), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_BritishCity_SaysItsNation()
    {
        // Arrange
        var topic = TestSupport.Topic("wildfire* (burn* OR acre*)", new TopicConstraints { Places = ["United Kingdom"] });

        // Act
        var match = TestSupport.Match(topic, "Fire crews gain ground", "GLASGOW (Reuters) - A wildfire burned 3,000 acres.");

        // Assert
        Assert.StartsWith("GLASGOW, Scotland, United Kingdom · ", PlainWhy.Line(match!), StringComparison.Ordinal);
    }
}
