using Alerts.Infrastructure.Semantic;

namespace Alerts.Infrastructure.Tests.Semantic;

/// <summary>The real model shipped in the package, run in process; alone, so its load does not slow timing-sensitive tests.</summary>
[Collection(ModelCollection.Name)]
public sealed class MiniLmTextEmbedderTests
{
    [Fact]
    public void Embed_RelatedTextsAreCloserThanUnrelatedOnes()
    {
        // Arrange
        using var embedder = new MiniLmTextEmbedder();

        // Act
        var topic = embedder.Embed("Foreign troop deployments in Afghanistan");
        var related = embedder.Embed("Turkey rules out extra troops for Kabul airport security mission");
        var unrelated = embedder.Embed("Oil prices rise as supply fears grow");

        // Assert
        Assert.Equal(384, topic.Length);
        Assert.Equal(1.0, Dot(topic, topic), 3);
        Assert.True(Dot(topic, related) > Dot(topic, unrelated) + 0.2, $"{Dot(topic, related)} vs {Dot(topic, unrelated)}");
    }

    [Fact]
    public void Embed_LongText_IsCutToTheLead()
    {
        // Arrange
        using var embedder = new MiniLmTextEmbedder();
        var lead = "Hurricane Ivan struck the Gulf Coast of Alabama on Thursday.";

        // Act
        var shortVector = embedder.Embed(lead + new string(' ', 10) + "Unrelated tail.");
        var longVector = embedder.Embed(lead + new string(' ', 2000) + string.Concat(Enumerable.Repeat("Markets fell. ", 500)));

        // Assert: the tail past the cut does not move the vector.
        Assert.True(Dot(shortVector, longVector) > 0.9);
    }

    private static double Dot(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();
}

/// <summary>Tests that load the sentence-embedding model run on their own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ModelCollection
{
    public const string Name = "model";
}
