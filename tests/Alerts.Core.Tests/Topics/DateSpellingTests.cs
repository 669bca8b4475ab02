using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class DateSpellingTests
{
    [Fact]
    public void Others_OfAMonthAndDay_SpellTheDateEveryWayThePressDoes_NotInFigures() =>
        Assert.Equal(
            ["11 September", "September 11th", "11th September", "Sept 11", "Sep 11"],
            DateSpelling.Others("September 11"));

    [Fact]
    public void Others_OfADateInFigures_KeepTheRestOfThePhrase() =>
        Assert.Equal(
            ["March 11 bombings", "11 March bombings", "March 11th bombings", "11th March bombings", "Mar 11 bombings"],
            DateSpelling.Others("3/11 bombings"));

    [Theory]
    [InlineData("Nov. 2 election", "November 2 election")]
    [InlineData("2nd November", "November 2")]
    [InlineData("11 Sept", "September 11")]
    [InlineData("September 11, 2001", "September 11 2001")]
    public void Others_ReadTheAbbreviatedOrdinalOrDayFirstDate(string phrase, string expected) =>
        Assert.Contains(expected, DateSpelling.Others(phrase));

    [Fact]
    public void Others_OfMay_HaveNoAbbreviation() =>
        Assert.Equal(["1 May", "May 1st", "1st May"], DateSpelling.Others("May 1"));

    [Theory]
    [InlineData("September attacks")]
    [InlineData("Formula 1")]
    [InlineData("February 30")]
    [InlineData("13/5")]
    [InlineData("top 100 companies")]
    [InlineData("2-1 win")]
    public void Others_OfAPhraseWithoutADate_AreNone(string phrase) =>
        Assert.Empty(DateSpelling.Others(phrase));
}
