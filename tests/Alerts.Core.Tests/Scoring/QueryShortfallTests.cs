using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Text;

namespace Alerts.Core.Tests.Scoring;

/// <summary>What a query found and lacked in an article it did not match, as <c>alerts eval --details</c> shows it.</summary>
public sealed class QueryShortfallTests
{
    [Theory]
    [InlineData("Blunkett (election OR vote)", "Daily Mail hits back at Blunkett", "the query did not match: found Blunkett, but nothing from: election OR vote")]
    [InlineData("(Musharraf (talks OR summit)) OR (Pakistan (cabinet OR missile*))", "Pakistan's Musharraf to Retain Army Post", "the query did not match: found Musharraf, but nothing from: talks OR summit (as near: found Pakistan's, but nothing from: cabinet OR missile*)")]
    [InlineData("(downhill NEAR/8 \"World Cup\") OR (hockey NEAR/10 (Europe OR Swedish))", "As hockey clock strikes 12, Canada reclaims World Cup", "the query did not match: found World Cup, but nothing from: downhill (as near: found hockey, but nothing from: Europe OR Swedish)")]
    [InlineData("(downhill NEAR/8 \"World Cup\") OR (hockey NEAR/10 (Europe OR Swedish))", "Canada won the World Cup of hockey as World Cup crowds cheered the World Cup", "the query did not match: found World Cup, but nothing from: downhill (as near: found hockey, but nothing from: Europe OR Swedish)")]
    [InlineData("(executive PRE/1 #pay) OR (#pay PRE/3 executive)", "Executive quits", "the query did not match: found Executive, but nothing from: #pay")]
    [InlineData("((Blair election) OR (Blair vote)) Labour", "Blair speaks", "the query did not match: found Blair, but nothing from: election | Labour")]
    [InlineData("(storm Texas) OR (hurricane Florida -Mexico)", "A hurricane passed and a storm is moving over Mexico", "the query did not match: found storm, but nothing from: Texas")]
    [InlineData("(voting \"paper trail\") OR (voting Diebold)", "Florida election supervisors back voting reforms", "the query did not match: found voting, but nothing from: \"paper trail\" (or from: Diebold)")]
    [InlineData("(Blunkett Home (election OR vote)) OR (Howard (poll OR tories))", "Blunkett's Home Office attacks Howard", "the query did not match: found Blunkett's, Home, but nothing from: election OR vote")]
    [InlineData("(Musharraf (talks OR summit)) OR (Pakistan (cabinet OR missile*))", "Karzai set for talks in Kabul", "the query did not match: found talks, but nothing from: Musharraf")]
    [InlineData("troops Kabul -Iraq", "Troops leave Kabul for Iraq", "the query did not match: found Troops, Kabul; it has what the query excludes: Iraq")]
    [InlineData("hurricane* Florida", "Stocks fall on oil prices", "the query did not match: none of its words are there")]
    [InlineData("Israeli NEAR/2 military", "Israeli officials said on Monday that the military would act", "the query did not match; the words of Israeli NEAR/2 military are there, but not as close together as it asks")]
    [InlineData("\"will pay\" fine", "Overtime pay rules bring a fine", "the query did not match: found fine; the words of \"will pay\" are there, but not together as it asks, small words included")]
    [InlineData("\"Red Sox\" (win OR beat)", "Sox fans see red as Yankees win", "the query did not match: found win; the words of \"Red Sox\" are there, but not as close together as it asks")]
    [InlineData("Barghouti (election OR vote)", "Palestinian leadership race narrows", "the query did not match: none of its words are there")]
    [InlineData("Palestinian Barghouti", "Palestinian leadership race narrows", "the query did not match: found Palestinian, but nothing from: Barghouti")]
    [InlineData("\"Moqtada al-Sadr\" truce", "Moktada calls truce, al-Sadr aides say", "the query did not match: found truce; the words of \"Moqtada al-Sadr\" are there, but not as close together as it asks")]
    [InlineData("(strike OR walkout) NEAR/8 (union OR workers)", "A 48-hour strike by refuellers", "the query did not match: found strike, but nothing from: union OR workers")]
    [InlineData("\"general strike\" OR (strike NEAR/8 union) -\"air strike\"", "Strikes at London airports", "the query did not match: found Strikes, but nothing from: union")]
    [InlineData("CNN NOT NEAR/3 told", "The senator told CNN", "the query did not match: found CNN; it has what the query excludes: told")]
    [InlineData("CNN NOT NEAR/3 (told OR said)", "The senator told CNN the bill would pass; officials said nothing", "the query did not match: found CNN; it has what the query excludes: told")]
    [InlineData("anti-vir* software", "Anti-war groups back free software", "the query did not match: found software, but nothing from: anti-vir*")]
    public void Describe_QueryNotMatched_SaysWhatTheNearestPartFoundAndLacked(string query, string title, string expected)
    {
        // Arrange
        var topic = CompiledTopic.Compile(TestSupport.Topic(query), Gazetteer.Default);

        // Act
        var shortfall = QueryShortfall.Describe(topic, new AnalyzedDocument(title, "No more is said."));

        // Assert
        Assert.Equal(expected, shortfall);
    }

    [Theory]
    [InlineData("title:\"running back\" injured", "the query did not match: found injured; the words of title:\"running back\" are there, but not in the title as it asks")]
    [InlineData("title:\"running back\" OR title:tailback", "the query did not match; the words of title:\"running back\" are there, but not in the title as it asks")]
    public void Describe_TitlePhraseWrittenOnlyBelowTheHeadline_SaysItIsNotInTheTitle(string query, string expected)
    {
        // Arrange: a question of where the words are, not of how close: "not as close together" would send the
        // user after a wider NEAR.
        var topic = CompiledTopic.Compile(TestSupport.Topic(query), Gazetteer.Default);
        var story = new AnalyzedDocument("Carolina's Davis done for the season", "The Panthers' running back is injured and will miss the rest of the year.");

        // Act
        var shortfall = QueryShortfall.Describe(topic, story);

        // Assert
        Assert.Equal(expected, shortfall);
    }

    [Fact]
    public void Describe_TitlePhraseWithItsWordsApartInTheTitle_StillSaysNotAsClose()
    {
        var topic = CompiledTopic.Compile(TestSupport.Topic("title:\"running back\""), Gazetteer.Default);

        var shortfall = QueryShortfall.Describe(topic, new AnalyzedDocument("Back to running: Davis returns", "The Panthers' star is fit again."));

        Assert.Equal("the query did not match; the words of title:\"running back\" are there, but not as close together as it asks", shortfall);
    }

    [Fact]
    public void Describe_LongMissingPart_IsShortened()
    {
        // Arrange
        var words = string.Join(" OR ", Enumerable.Range(1, 40).Select(i => "word" + new string((char)('a' + (i % 26)), 1 + (i / 26))));
        var topic = CompiledTopic.Compile(TestSupport.Topic($"Blunkett ({words})"), Gazetteer.Default);

        // Act
        var shortfall = QueryShortfall.Describe(topic, new AnalyzedDocument("Daily Mail hits back at Blunkett", null));

        // Assert
        Assert.EndsWith(" ...", shortfall, StringComparison.Ordinal);
        Assert.True(shortfall.Length < 260, shortfall);
    }
}
