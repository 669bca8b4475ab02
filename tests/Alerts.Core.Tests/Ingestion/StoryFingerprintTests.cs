using Alerts.Core.Ingestion;

namespace Alerts.Core.Tests.Ingestion;

public sealed class StoryFingerprintTests
{
    private static readonly StoryIndexOptions Options = new();

    [Fact]
    public void Similarity_EditedHeadline_AboveThreshold()
    {
        // Arrange
        var original = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
        var edited = StoryFingerprint.Compute(StoryTexts.EditedTitle, StoryTexts.WireSummary);

        // Act
        var similarity = original.Similarity(edited);

        // Assert
        Assert.True(similarity >= Options.MinSimilarity, $"similarity {similarity:0.00}");
    }

    [Fact]
    public void Similarity_SameWireStoryFromTwoOutlets_AboveThreshold()
    {
        // Arrange
        var first = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
        var second = StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary);

        // Act
        var similarity = first.Similarity(second);

        // Assert
        Assert.True(similarity >= Options.MinSimilarity, $"similarity {similarity:0.00}");
    }

    [Theory]
    [InlineData(StoryTexts.AirportReopensTitle, StoryTexts.AirportReopensSummary)]
    [InlineData(StoryTexts.BorderTitle, StoryTexts.BorderSummary)]
    [InlineData(StoryTexts.OilTitle, StoryTexts.OilSummary)]
    public void Similarity_DifferentStories_BelowThreshold(string title, string summary)
    {
        // Arrange
        var wire = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
        var other = StoryFingerprint.Compute(title, summary);

        // Act
        var similarity = wire.Similarity(other);

        // Assert
        Assert.True(similarity < Options.MinSimilarity, $"similarity {similarity:0.00}");
    }

    [Fact]
    public void IsSameStory_EditedHeadlineAndSecondOutlet_True()
    {
        // Arrange
        var original = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
        var edited = StoryFingerprint.Compute(StoryTexts.EditedTitle, StoryTexts.WireSummary);
        var second = StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary);

        // Act + Assert
        Assert.True(original.IsSameStory(edited, Options.MinSimilarity, Options.MinTitleOverlap));
        Assert.True(original.IsSameStory(second, Options.MinSimilarity, Options.MinTitleOverlap));
    }

    [Fact]
    public void IsSameStory_DifferentTitlesSharingBoilerplateSummary_False()
    {
        // Arrange: a publisher that puts the same blurb on every item.
        const string Blurb = "Our technology desk covers the companies, products and people shaping the industry, with analysis every weekday morning.";
        var first = StoryFingerprint.Compute("Chip maker cancels its next processor", Blurb);
        var second = StoryFingerprint.Compute("Search company opens office in Dublin", Blurb);

        // Act
        var same = first.IsSameStory(second, Options.MinSimilarity, Options.MinTitleOverlap);

        // Assert
        Assert.True(first.Similarity(second) >= Options.MinSimilarity);
        Assert.Equal(0, first.TitleOverlap(second));
        Assert.False(same);
    }

    [Fact]
    public void BandKeys_CopiesOfOneStory_ShareABand()
    {
        // Arrange
        var first = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
        var second = StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary);

        // Act
        var shared = first.BandKeys().Intersect(second.BandKeys()).Count();

        // Assert
        Assert.True(shared >= 1);
        Assert.All(first.BandKeys(), k => Assert.Matches("^b[0-9]+-[0-9a-f]{16}$", k));
    }

    [Fact]
    public void Compute_CaseAccentsAndPunctuation_Ignored()
    {
        // Act
        var a = StoryFingerprint.Compute("Café opens in Kabul", "Owners say: business is good!");
        var b = StoryFingerprint.Compute("CAFE OPENS IN KABUL", "owners say business is good");

        // Assert
        Assert.Equal(1.0, a.Similarity(b));
    }

    [Fact]
    public void Words_SingleLettersLeftOut()
    {
        // Act: "U.S." would otherwise be the pair "u s" shared by most American stories, and fill one band partition.
        var words = StoryFingerprint.Words("U.S. troops leave; Iraq's J. Smith says").ToList();

        // Assert
        Assert.Equal(["troops", "leave", "iraqs", "smith"], words);
    }

    [Fact]
    public void IsSameStory_GamesOfASeriesByNumber_NotOneStory()
    {
        // Arrange: single digits stay in the word pairs.
        var first = StoryFingerprint.Compute("Red Sox beat Cardinals in Game 1", "Boston won the opener of the World Series at Fenway Park.");
        var second = StoryFingerprint.Compute("Red Sox beat Cardinals in Game 2", "Boston won again in the World Series at Fenway Park.");

        // Act
        var similarity = first.Similarity(second);

        // Assert
        Assert.True(similarity < 0.7, $"similarity {similarity:0.00}");
    }

    [Fact]
    public void ToBytes_RoundTrip_SameSignature()
    {
        // Arrange
        var original = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);

        // Act
        var copy = StoryFingerprint.FromBytes(original.ToBytes());

        // Assert
        Assert.Equal(1.0, original.Similarity(copy));
        Assert.Equal(1.0, original.TitleOverlap(copy));
        Assert.Equal(original.BandKeys(), copy.BandKeys());
        Assert.Equal(original.ToBytes(), copy.ToBytes());
    }

    [Fact]
    public void FromBytes_WrongLength_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => StoryFingerprint.FromBytes(new byte[7]));
        Assert.Throws<ArgumentException>(() => StoryFingerprint.FromBytes(new byte[(StoryFingerprint.Length + StoryFingerprint.MaxTitleWords + 1) * 4]));
    }

    [Fact]
    public void Compute_NoWords_IsEmptyAndNeverSimilar()
    {
        // Act
        var empty = StoryFingerprint.Compute(" ", "!!! ...");

        // Assert
        Assert.True(empty.IsEmpty);
        Assert.Equal(0, empty.Similarity(empty));
    }
}
