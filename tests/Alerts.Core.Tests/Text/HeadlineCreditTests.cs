using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class HeadlineCreditTests
{
    [Theory]
    [InlineData("Oil prices rise (AP)", 16)]
    [InlineData("OIL PRICES RISE (REUTERS)", 16)]
    [InlineData("Fire kills seven (Canadian Press)", 17)]
    [InlineData("Microsoft fixes flaw (washingtonpost.com)", 21)]
    [InlineData("Best colleges (U.S. News & World Report)", 14)]
    [InlineData("Chip sales slow (InfoWorld)", 16)]
    [InlineData("Floods in Hunan (China Daily)", 16)]
    [InlineData("Stocks rally (Update2) ", 13)]
    [InlineData("Four words and a press (One Two Three Press)", 23)]
    [InlineData("Six words too many (One Two Three Four Five Press)", -1)]
    [InlineData("Toyota recalls cars (Prius)", -1)]
    [InlineData("He Fell 40 Floors (And Survived)", -1)]
    [InlineData("Oracle raises bid (Nasdaq: ORCL)", -1)]
    [InlineData("Outbreak feared (World Health Organization)", -1)]
    [InlineData("Sox win (12 inn.)", -1)]
    [InlineData("Savers and the 401(k)", -1)]
    [InlineData("(Reuters)", -1)]
    [InlineData("Rates (AP) matter", -1)]
    [InlineData("No credit here", -1)]
    public void StartIn_FindsTheBracketOfTheClosingCredit(string headline, int expected)
    {
        // Act
        var start = HeadlineCredit.StartIn(headline);

        // Assert
        Assert.Equal(expected, start);
    }

    [Theory]
    [InlineData("Oil prices rise (Reuters)", "Oil prices rise")]
    [InlineData("Toyota recalls cars (Prius)", "Toyota recalls cars (Prius)")]
    public void Without_LeavesOutOnlyTheCredit(string headline, string expected)
    {
        // Act
        var without = HeadlineCredit.Without(headline);

        // Assert
        Assert.Equal(expected, without);
    }
}
