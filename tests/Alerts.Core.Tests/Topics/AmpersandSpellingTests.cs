using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class AmpersandSpellingTests
{
    [Theory]
    [InlineData("Procter & Gamble", "Procter and Gamble")]
    [InlineData("Procter and Gamble", "Procter & Gamble")]
    [InlineData("Bosnia And Herzegovina", "Bosnia & Herzegovina")]
    [InlineData("Marks & Spencer and Tesco", "Marks and Spencer and Tesco")]
    [InlineData("AT&T", null)]
    [InlineData("and then", null)]
    [InlineData("salt and", null)]
    [InlineData("bread butter", null)]
    public void Other_SwapsAnAndBetweenTwoWords(string phrase, string? expected) =>
        Assert.Equal(expected, AmpersandSpelling.Other(phrase));
}
