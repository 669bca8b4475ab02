using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class NameSpellingsTests
{
    [Theory]
    [InlineData("barghouti", "barghuti")]
    [InlineData("yuzhny", "youzhny")]
    [InlineData("qurei", "kurei")]
    [InlineData("qaddafi", "kadhafi")]
    [InlineData("yushchenko", "yuschenko")]
    [InlineData("janjaweed", "janjawid")]
    [InlineData("fallujah", "falluja")]
    [InlineData("falluja", "fallujah")]
    public void Of_NameFromAnotherAlphabet_GivesThePressSpellings(string name, string expected)
    {
        // Act
        var spellings = NameSpellings.Of(name);

        // Assert
        Assert.Contains(expected, spellings);
    }

    [Theory]
    [InlineData("lehmann")] // doubled letters tell Western names apart
    [InlineData("could")]   // everyday word
    [InlineData("sarah")]   // endings only on longer names: Sarah and Sara are two names
    [InlineData("iraq")]    // short
    public void Of_WordsThatAreNoTransliteration_GetNone(string word)
    {
        // Act
        var spellings = NameSpellings.Of(word);

        // Assert
        Assert.Empty(spellings);
    }

    [Fact]
    public void Of_OtherSpellingThatIsAnEverydayWord_IsLeftOut()
    {
        // Act
        var spellings = NameSpellings.Of("deere");

        // Assert
        Assert.DoesNotContain("dire", spellings);
    }

    [Fact]
    public void InText_Phrase_KeepsCaseAndOtherWords()
    {
        // Act
        var alternatives = NameSpellings.InText("Moqtada al-Sadr");

        // Assert
        Assert.Contains("Moktada al-Sadr", alternatives);
        Assert.All(alternatives, a => Assert.EndsWith(" al-Sadr", a, StringComparison.Ordinal));
    }
}
