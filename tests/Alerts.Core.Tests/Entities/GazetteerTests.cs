using Alerts.Core.Entities;
using Alerts.Core.Text;

namespace Alerts.Core.Tests.Entities;

public sealed class GazetteerTests
{
    private static List<(string Text, EntityKind Kind, string? Country)> Recognize(string text)
    {
        var document = new AnalyzedDocument(text, null);
        var entities = new ArticleEntities(document, Gazetteer.Default);
        return entities.Mentions.Select(m => (entities.TextOf(m), m.Entry.Kind, m.Entry.CountryCode)).ToList();
    }

    [Fact]
    public void Recognize_CityImpliesCountry()
    {
        // Act
        var mentions = Recognize("Rockets hit Kabul and Mazar-i-Sharif");

        // Assert
        Assert.Equal([("Kabul", EntityKind.City, "AF"), ("Mazar-i-Sharif", EntityKind.City, "AF")], mentions);
    }

    [Fact]
    public void Recognize_NationalitiesAndAlliances()
    {
        // Act
        var mentions = Recognize("Turkish and Canadian soldiers joined the NATO mission");

        // Assert
        Assert.Equal(
            [("Turkish", EntityKind.Nationality, "TR"), ("Canadian", EntityKind.Nationality, "CA"), ("NATO", EntityKind.Organisation, "*")],
            mentions);
    }

    [Fact]
    public void Recognize_PronounUs_IsNotTheUnitedStates()
    {
        // Act
        var pronoun = Recognize("Tell us more about it");
        var country = Recognize("US and U.S. officials");

        // Assert
        Assert.Empty(pronoun);
        Assert.Equal(["US", "US"], country.Select(m => m.Country));
    }

    [Fact]
    public void Recognize_LongestNameWins()
    {
        // Act
        var mentions = Recognize("South Africa and the Northern Alliance");

        // Assert
        Assert.Equal([("South Africa", EntityKind.Country, "ZA"), ("Northern Alliance", EntityKind.Organisation, "AF")], mentions);
    }

    [Theory]
    [InlineData("Afghanistan", "AF")]
    [InlineData("afghan", "AF")]
    [InlineData("Afghans", "AF")]
    [InlineData("AF", "AF")]
    [InlineData("Kabul", "AF")]
    [InlineData("United States", "US")]
    public void Resolve_ConstraintNames_MapToCountry(string name, string country)
    {
        // Act
        var entry = Gazetteer.Default.Resolve(name);

        // Assert
        Assert.Equal(country, entry?.CountryCode);
    }

    [Fact]
    public void BorderContext_IsDetected()
    {
        // Arrange
        var document = new AnalyzedDocument("Troops patrol near the Afghan border", null);
        var entities = new ArticleEntities(document, Gazetteer.Default);

        // Act
        var afghan = entities.Mentions.Single();

        // Assert
        Assert.True(entities.IsBorderContext(afghan));
        Assert.False(entities.IsPlaceMention(afghan));
    }
}
