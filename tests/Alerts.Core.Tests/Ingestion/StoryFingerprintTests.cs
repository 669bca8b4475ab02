using Alerts.Core.Ingestion;

namespace Alerts.Core.Tests.Ingestion;

public sealed class StoryFingerprintTests
{
    private static readonly NearDuplicateOptions Options = new();

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
    public void ToBytes_RoundTrip_SameSignature()
    {
        // Arrange
        var original = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);

        // Act
        var copy = StoryFingerprint.FromBytes(original.ToBytes());

        // Assert
        Assert.Equal(1.0, original.Similarity(copy));
        Assert.Equal(original.BandKeys(), copy.BandKeys());
    }

    [Fact]
    public void FromBytes_WrongLength_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentException>(() => StoryFingerprint.FromBytes(new byte[7]));
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
