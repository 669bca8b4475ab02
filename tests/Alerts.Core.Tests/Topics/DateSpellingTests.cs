using Alerts.Core.Topics.Query;

namespace Alerts.Core.Tests.Topics;

public sealed class DateSpellingTests
{
    [Fact]
    public void Others_OfAMonthAndDay_SpellTheDateEveryWayThePressDoes_NotInFigures() =>
        Assert.Equal(
            [
                "September 11th", "11 September", "11th September", "Sept 11", "Sept 11th", "11 Sept", "11th Sept", "Sep 11",
                "Sep 11th", "11 Sep", "11th Sep",
            ],
            DateSpelling.Others("September 11"));

    [Fact]
    public void Others_OfADateInFigures_KeepTheRestOfThePhrase_AndPutMarchBeforeTheDay() =>
        Assert.Equal(
            ["March 11 bombings", "March 11th bombings"],
            DateSpelling.Others("3/11 bombings"));

    [Theory]
    [InlineData("Nov. 2 election", "November 2 election")]
    [InlineData("2nd November", "November 2")]
    [InlineData("11 Sept", "September 11")]
    [InlineData("September 11, 2001", "11 September 2001")]
    [InlineData("September 11.", "Sept 11")]
    [InlineData("29 Feb", "February 29")]
    [InlineData("(September 11)", "Sept 11")]
    public void Others_ReadTheAbbreviatedOrdinalOrDayFirstDate(string phrase, string expected) =>
        Assert.Contains(expected, DateSpelling.Others(phrase));

    [Fact]
    public void Others_OfAnAbbreviationWithItsFullStop_LeaveOutTheSameWordsWithoutIt() =>
        Assert.DoesNotContain("Nov 2 election", DateSpelling.Others("Nov. 2 election"));

    [Fact]
    public void Others_OfMay_HaveNoAbbreviationAndNoDayFirst() =>
        Assert.Equal(["May 1st"], DateSpelling.Others("May 1"));

    [Theory]
    [InlineData("September attacks")]
    [InlineData("Formula 1")]
    [InlineData("February 30")]
    [InlineData("13/15")]
    [InlineData("3/4")]
    [InlineData("top 100 companies")]
    [InlineData("2-1 win")]
    public void Others_OfAPhraseWithoutADate_AreNone(string phrase) =>
        Assert.Empty(DateSpelling.Others(phrase));
}
