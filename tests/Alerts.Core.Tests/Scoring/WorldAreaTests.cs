using Alerts.Core.Entities;
using Alerts.Core.Topics;
using Alerts.Core.Workbench;

namespace Alerts.Core.Tests.Scoring;

/// <summary>World regions as places: "West Africa" is its countries, as if the topic had listed them.</summary>
public sealed class WorldAreaTests
{
    [Theory]
    [InlineData("Africa", "SD")]
    [InlineData("West Africa", "CI")]
    [InlineData("Western Africa", "NG")]
    [InlineData("the Middle East", "IR")]
    [InlineData("Mideast", "IL")]
    [InlineData("Southeast Asia", "MM")]
    [InlineData("Latin America", "MX")]
    [InlineData("the Caribbean", "HT")]
    public void Resolve_RegionByAnyOfItsNames_HoldsItsCountries(string name, string country)
    {
        // Act
        var area = Gazetteer.Default.Areas.Resolve(name);

        // Assert
        Assert.NotNull(area);
        Assert.Contains(country, area.CountryCodes);
    }

    [Theory]
    [InlineData("West Africa", "CM")]
    [InlineData("the Middle East", "AF")]
    [InlineData("Latin America", "US")]
    public void Resolve_Region_LeavesOutCountriesElsewhere(string name, string country)
    {
        // Act / Assert
        Assert.DoesNotContain(country, Gazetteer.Default.Areas.Resolve(name)!.CountryCodes);
    }

    [Theory]
    [InlineData("AU troops arrive in Darfur", "EL FASHER, Sudan - Rwandan soldiers landed on Sunday to protect monitors.", true)]
    [InlineData("French troops fire on crowds", "ABIDJAN (Reuters) - Peacekeepers opened fire on protesters, witnesses said.", true)]
    [InlineData("Peacekeepers extend Haiti mission", "PORT-AU-PRINCE - UN troops will stay another six months.", false)]
    public void Alerts_RegionRequired_HoldsAStoryInAnyOfItsCountriesOnly(string title, string body, bool alerts)
    {
        // Arrange
        var topic = TestSupport.Topic("troops OR peacekeep*", new TopicConstraints { Places = ["Africa"] });

        // Act
        var match = TestSupport.Match(topic, title, body);

        // Assert
        Assert.Equal(alerts, match!.Alert);
    }

    [Fact]
    public void Alerts_RegionExcluded_RemovesItsCountriesStories()
    {
        // Arrange
        var topic = TestSupport.Topic("election*", new TopicConstraints { ExcludePlaces = ["Latin America"] });

        // Act / Assert
        Assert.False(TestSupport.Alerts(topic, "Chavez wins recall vote", "CARACAS, Venezuela - Election officials said the president won."));
        Assert.True(TestSupport.Alerts(topic, "Karzai leads count", "KABUL (Reuters) - Election officials said the count was nearly done."));
    }

    [Fact]
    public void Parse_TopicNamingARegion_IsAcceptedAndAnUnknownRegionRefusedWithTheRegionsNamed()
    {
        // Arrange
        const string Known = """[{ "id": "a", "name": "A", "query": "coup*", "constraints": { "places": ["West Africa"], "excludePlaces": ["Nigeria"] } }]""";
        const string Unknown = """[{ "id": "a", "name": "A", "query": "coup*", "constraints": { "places": ["Sub-Saharan Afrika"] } }]""";

        // Act
        var topics = TopicFile.Parse(Known);
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(Unknown));

        // Assert
        Assert.Single(topics);
        Assert.Contains("or a world region such as 'West Africa' or 'the Middle East'", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExcludedRegionTakingInARequiredPlace_IsRefused()
    {
        // Arrange
        const string Json = """[{ "id": "a", "name": "A", "query": "coup*", "constraints": { "places": ["Ivory Coast"], "excludePlaces": ["West Africa"] } }]""";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(Json));

        // Assert
        Assert.Contains("'West Africa' takes in the required place 'Ivory Coast'", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Line_Region_SaysHowManyCountriesAndNamesTheFirst()
    {
        // Act
        var line = PlacesReadAs.Line(new TopicConstraints { Places = ["Horn of Africa"] }, Gazetteer.Default);

        // Assert
        Assert.Equal("Places read as: Horn of Africa → the 4 countries of Horn of Africa: Djibouti, Eritrea, Ethiopia, Somalia.", line);
    }
}
