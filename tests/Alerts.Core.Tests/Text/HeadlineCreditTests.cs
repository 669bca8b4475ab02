using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class HeadlineCreditTests
{
    [Theory]
    [InlineData("Oil prices rise (AP)", 16)]
    [InlineData("Fire kills seven (Canadian Press)", 17)]
    [InlineData("Microsoft fixes flaw (washingtonpost.com)", 21)]
    [InlineData("Sox win (12 inn.)", -1)]
    [InlineData("Votes (see page.2)", -1)]
    [InlineData("Best colleges (U.S. News & World Report)", 14)]
    [InlineData("Stocks rally (Update2) ", 13)]
    [InlineData("He fell 40 floors (and survived)", -1)]
    [InlineData("Savers and the 401(k)", -1)]
    [InlineData("(Reuters)", -1)]
    [InlineData("Rates (and why they move) matter", -1)]
    [InlineData("Five words most (One Two Three Four Five)", 16)]
    [InlineData("Six words too many (One Two Three Four Five Six)", -1)]
    [InlineData("No credit here", -1)]
    public void StartIn_FindsTheBracketOfTheClosingCredit(string headline, int expected)
    {
        // Act
        var start = HeadlineCredit.StartIn(headline);

        // Assert
        Assert.Equal(expected, start);
    }
}
