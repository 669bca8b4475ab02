using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class AmpersandSpellingTests
{
    [Theory]
    [InlineData("Procter & Gamble", new[] { "Procter and Gamble" })]
    [InlineData("Procter and Gamble", new[] { "Procter & Gamble" })]
    [InlineData("PROCTER AND GAMBLE", new[] { "PROCTER and GAMBLE", "PROCTER & GAMBLE" })]
    [InlineData("Marks & Spencer and Tesco", new[] { "Marks and Spencer and Tesco", "Marks and Spencer & Tesco", "Marks & Spencer & Tesco" })]
    [InlineData("AT&T", new string[0])]
    [InlineData("and then", new string[0])]
    [InlineData("salt and", new string[0])]
    [InlineData("bread butter", new string[0])]
    public void Others_SpellEveryAndBetweenTwoWordsBothWays(string phrase, string[] expected) =>
        Assert.Equal(expected, AmpersandSpelling.Others(phrase));
}
