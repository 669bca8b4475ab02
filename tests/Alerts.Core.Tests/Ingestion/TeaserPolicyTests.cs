using Alerts.Core.Feeds;
using Alerts.Core.Ingestion;

namespace Alerts.Core.Tests.Ingestion;

public sealed class TeaserPolicyTests
{
    private static readonly FeedSource FullTextSource = new("s", new Uri("https://feeds.example/rss")) { FetchFullText = true };

    [Fact]
    public void NeedsFullText_ShortSummary_True()
    {
        // Arrange
        var entry = new FeedEntry("1", "Title", "https://news.example/a") { Summary = "Read the rest on our site." };

        // Act + Assert
        Assert.True(TeaserPolicy.NeedsFullText(FullTextSource, entry));
    }

    [Fact]
    public void NeedsFullText_SourceOptedOut_False()
    {
        // Arrange
        var entry = new FeedEntry("1", "Title", "https://news.example/a") { Summary = "Short." };

        // Act + Assert
        Assert.False(TeaserPolicy.NeedsFullText(FullTextSource with { FetchFullText = false }, entry));
    }

    [Fact]
    public void NeedsFullText_LongContent_False()
    {
        // Arrange
        var body = "<p>" + string.Join(' ', Enumerable.Repeat("word", TeaserPolicy.MinimumArticleWords)) + "</p>";
        var entry = new FeedEntry("1", "Title", "https://news.example/a") { Summary = "Short.", Content = body };

        // Act + Assert
        Assert.False(TeaserPolicy.NeedsFullText(FullTextSource, entry));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/relative")]
    [InlineData("ftp://news.example/a")]
    public void NeedsFullText_NoFetchableLink_False(string? link)
    {
        // Arrange
        var entry = new FeedEntry("1", "Title", link) { Summary = "Short." };

        // Act + Assert
        Assert.False(TeaserPolicy.NeedsFullText(FullTextSource, entry));
    }
}
