using Alerts.Core.Text;

namespace Alerts.Core.Tests.Text;

public sealed class PageFurnitureTests
{
    [Theory]
    [InlineData("Email this to a friend Print this story", true)]
    [InlineData("Enter your e-mail:", true)]
    [InlineData("E-mail this article to a friend | Printer-friendly version", true)]
    [InlineData("Sign up now for flu shots", false)]
    [InlineData("Subscribe", false)]
    [InlineData("Enter your email address", true)]
    [InlineData("Yahoo to let users enter your e-mail contacts", false)]
    [InlineData("Print this story: Kodak cuts jobs", false)]
    [InlineData("Email growth slows", false)]
    [InlineData("", false)]
    public void IsAllOf_OnlyAHeadlineMadeOfThePagesPrompts(string headline, bool expected)
    {
        // Act
        var furniture = PageFurniture.IsAllOf(headline);

        // Assert
        Assert.Equal(expected, furniture);
    }

    [Fact]
    public void AnalyzedDocument_HeadlineOfPageFurniture_IsReadFromItsBodyAlone()
    {
        // Act
        var document = new AnalyzedDocument("Email this to a friend Print this story", "Microsoft opens a music store.");

        // Assert: no headline words, the body's all there.
        Assert.Equal(0, document.TitleTokenCount);
        Assert.Equal(string.Empty, document.Title);
        Assert.Contains(document.Tokens, token => token.Surface == "music");
    }
}
