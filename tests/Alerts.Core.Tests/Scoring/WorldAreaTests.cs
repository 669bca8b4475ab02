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
    [InlineData("Eastern Europe", "PL")]
    [InlineData("Western Europe", "AT")]
    [InlineData("Southern Europe", "HR")]
    [InlineData("Central America", "MX")]
    public void Resolve_EuropeanAndAmericanSubregions_AreTheUnitedNationsLists(string name, string country)
    {
        // Act / Assert: world-countries' own grouping had Eastern Europe as four countries and Mexico in North America.
        Assert.Contains(country, Gazetteer.Default.Areas.Resolve(name)!.CountryCodes);
    }

    [Fact]
    public void Resolve_RegionNamedLikeACountry_IsTheCountry()
    {
        // Act / Assert: "Micronesia" is the Federated States; Oceania's subregion of that name is not offered.
        Assert.Null(Gazetteer.Default.Areas.Resolve("Micronesia"));
        Assert.Equal(EntityKind.Country, Gazetteer.Default.Resolve("Micronesia")?.Kind);
    }

    [Theory]
    [InlineData("West Africa", "CM")]
    [InlineData("North America", "MX")]
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

    [Theory]
    [InlineData("West Africa", "Africa", "'Africa' takes in the required place 'West Africa'")]
    [InlineData("Middle East", "the Middle East", "'the Middle East' takes in the required place 'Middle East'")]
    [InlineData("Scandinavia", "Nordic countries", "'Nordic countries' takes in the required place 'Scandinavia'")]
    public void Parse_ExcludedRegionTakingInARequiredRegion_IsRefused(string required, string excluded, string expected)
    {
        // Arrange
        var json = $$"""[{ "id": "a", "name": "A", "query": "coup*", "constraints": { "places": ["{{required}}"], "excludePlaces": ["{{excluded}}"] } }]""";

        // Act
        var error = Assert.Throws<TopicFileException>(() => TopicFile.Parse(json));

        // Assert
        Assert.Contains(expected, Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExcludedCountryInsideARequiredRegion_IsAccepted()
    {
        // Act / Assert: Africa without Sudan is a subject.
        Assert.Single(TopicFile.Parse("""[{ "id": "a", "name": "A", "query": "coup*", "constraints": { "places": ["Africa"], "excludePlaces": ["Sudan"] } }]"""));
    }

    [Theory]
    [InlineData("Sydney", "Sydney → Sydney, in New South Wales, Australia")]
    [InlineData("Tasmania", "Tasmania → Tasmania, a state or province of Australia")]
    public void Line_AustralianPlace_NamesAustraliaNotTheAfricanUnion(string place, string expected)
    {
        // Act: "AU" is Australia's code and the African Union's name.
        var line = PlacesReadAs.Line(new TopicConstraints { Places = [place] }, Gazetteer.Default);

        // Assert
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Munich", "Munich → Munich, in Bavaria, Germany")]
    [InlineData("Bavaria", "Bavaria → Bavaria, a state or province of Germany")]
    [InlineData("Florence", "Florence → Florence, in Tuscany, Italy")]
    [InlineData("Glasgow", "Glasgow → Glasgow, in Scotland, the United Kingdom")]
    [InlineData("Grozny", "in Chechnya, Russia")]
    [InlineData("Catalonia", "Catalonia → Catalonia, a state or province of Spain")]
    public void Line_PlaceOfASubdivisionWithAnEnglishName_ShowsTheEnglishName(string place, string expected)
    {
        // Act: ISO 3166-2 names these subdivisions in their own languages (Bayern, Toscana).
        var line = PlacesReadAs.Line(new TopicConstraints { Places = [place] }, Gazetteer.Default);

        // Assert
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_Region_SaysHowManyCountriesAndNamesTheFirst()
    {
        // Act
        var line = PlacesReadAs.Line(new TopicConstraints { Places = ["Horn of Africa"] }, Gazetteer.Default);

        // Assert
        Assert.Equal("Places read as: Horn of Africa → a region of 4 countries and territories: Djibouti, Eritrea, Ethiopia, Somalia.", line);
    }
}
