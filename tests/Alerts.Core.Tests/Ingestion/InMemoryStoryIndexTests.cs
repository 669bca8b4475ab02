using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Ingestion;

public sealed class InMemoryStoryIndexTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FindOrAddAsync_SecondOutletCopy_ReturnsFirstArticleKey()
    {
        // Arrange
        var index = new InMemoryStoryIndex(new StoryIndexOptions(), time);
        var first = await index.FindOrAddAsync("a1", StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary), TestContext.Current.CancellationToken);

        // Act
        var second = await index.FindOrAddAsync("a2", StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary), TestContext.Current.CancellationToken);
        var unrelated = await index.FindOrAddAsync("a3", StoryFingerprint.Compute(StoryTexts.BorderTitle, StoryTexts.BorderSummary), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(first);
        Assert.Equal("a1", second);
        Assert.Null(unrelated);
    }

    [Fact]
    public async Task FindOrAddAsync_BoilerplateSummaryDifferentTitles_SeparateStories()
    {
        // Arrange
        const string Blurb = "Our technology desk covers the companies, products and people shaping the industry, with analysis every weekday morning.";
        var index = new InMemoryStoryIndex(new StoryIndexOptions(), time);
        await index.FindOrAddAsync("t1", StoryFingerprint.Compute("Chip maker cancels its next processor", Blurb), TestContext.Current.CancellationToken);

        // Act
        var second = await index.FindOrAddAsync("t2", StoryFingerprint.Compute("Search company opens office in Dublin", Blurb), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(second);
    }

    [Fact]
    public async Task FindOrAddAsync_SameArticleTwice_SameAnswer()
    {
        // Arrange
        var index = new InMemoryStoryIndex(new StoryIndexOptions(), time);
        await index.FindOrAddAsync("a1", StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary), TestContext.Current.CancellationToken);
        var edited = StoryFingerprint.Compute(StoryTexts.EditedTitle, StoryTexts.WireSummary);
        var firstAnswer = await index.FindOrAddAsync("a2", edited, TestContext.Current.CancellationToken);

        // Act
        var again = await index.FindOrAddAsync("a2", edited, TestContext.Current.CancellationToken);
        var rootAgain = await index.FindOrAddAsync("a1", StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary), TestContext.Current.CancellationToken);

        // Assert
        Assert.Equal("a1", firstAnswer);
        Assert.Equal("a1", again);
        Assert.Null(rootAgain);
    }

    [Fact]
    public async Task FindOrAddAsync_CopyAfterWindow_StartsNewStory()
    {
        // Arrange
        var options = new StoryIndexOptions { Window = TimeSpan.FromHours(6) };
        var index = new InMemoryStoryIndex(options, time);
        await index.FindOrAddAsync("a1", StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary), TestContext.Current.CancellationToken);
        time.Advance(TimeSpan.FromHours(7));

        // Act
        var late = await index.FindOrAddAsync("a2", StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary), TestContext.Current.CancellationToken);

        // Assert
        Assert.Null(late);
    }

    [Fact]
    public async Task AlsoReportedBy_MembersFromOtherSources_OnePerSource()
    {
        // Arrange
        var index = new InMemoryStoryIndex(new StoryIndexOptions(), time);
        var article = new Article("a1", "wire", StoryTexts.WireTitle, "https://wire.example/1", null, null, time.GetUtcNow());
        await index.AddCopyAsync("a1", new StoryCopy("a2", "daily", "The Daily", "https://daily.example/x"), TestContext.Current.CancellationToken);
        await index.AddCopyAsync("a1", new StoryCopy("a2", "daily", "The Daily", "https://daily.example/x"), TestContext.Current.CancellationToken);
        await index.AddCopyAsync("a1", new StoryCopy("a3", "wire", "Wire", "https://wire.example/1-edited"), TestContext.Current.CancellationToken);
        await index.AddCopyAsync("a1", new StoryCopy("a4", "herald", null, "https://herald.example/y"), TestContext.Current.CancellationToken);

        // Act
        var members = await index.ListCopiesAsync("a1", TestContext.Current.CancellationToken);
        var related = StoryCopies.AlsoReportedBy(article, members);

        // Assert
        Assert.Equal(3, members.Count);
        Assert.Equal(["The Daily", "herald"], related.Select(r => r.Name));
        Assert.Equal("https://herald.example/y", related[1].Link);
    }
}
