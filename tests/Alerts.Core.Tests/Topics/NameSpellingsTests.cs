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
    [InlineData("huston")]  // ou and u only in names marked as transliterations: not Houston
    [InlineData("bourke")]  // nor Burke
    [InlineData("saenz")]   // ae and ai likewise: not Sainz
    [InlineData("kuang")]   // nor k to q: not Quang
    [InlineData("coleen")]  // not Colin
    [InlineData("houghton")] // an English gh (after a vowel) is no mark: not Hughton
    public void Of_WordsThatAreNoTransliteration_GetNone(string word)
    {
        // Act
        var spellings = NameSpellings.Of(word);

        // Assert
        Assert.Empty(spellings);
    }

    [Fact]
    public void Of_Spellings_FewestSwapsFirst()
    {
        // Act
        var spellings = NameSpellings.Of("qaddafi");

        // Assert: one swap (kaddafi, qadhafi) before two (kadhafi).
        Assert.Equal(["kaddafi", "qadhafi", "kadhafi"], spellings);
    }

    [Theory]
    [InlineData("seeded")]        // lower case: it matches all its endings, so other spellings would find "side"
    [InlineData("BARGHOUTI")]     // capitals
    public void InText_WordNotWrittenAsName_GetsNone(string word)
    {
        // Act
        var alternatives = NameSpellings.InText(word);

        // Assert
        Assert.Empty(alternatives);
    }

    [Fact]
    public void InText_AccentedName_GetsSpellings()
    {
        // Act
        var alternatives = NameSpellings.InText("al-Qaéda");

        // Assert
        Assert.Contains("al-Qaida", alternatives);
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
