using Alerts.Core.Articles;
using Alerts.Core.Scoring;
using Alerts.Core.Workbench;

namespace Alerts.Core.Tests.Workbench;

public sealed class EmbeddingsTests
{
    [Fact]
    public void TextOf_ArticleWithSummaryAndFullText_IsTheTextTheSemanticSignalEmbeds()
    {
        // Arrange: a teaser summary and the full text fetched for it
        var article = new Article("k", "wire", "Quake hits Japan", "https://news.example.org/k", "A strong quake hit Japan.", "<p>A strong quake hit Japan.</p><p>Dozens of buildings collapsed in Niigata.</p>", DateTimeOffset.UnixEpoch);
        var scored = ArticleText.Analyze(article);

        // Act
        var stored = Embeddings.TextOf(article);

        // Assert: the workbench's stored vectors and scoring's near misses compare the same text, full text included
        Assert.Equal(Embeddings.TextOf(scored.Title, scored.Body), stored);
        Assert.Contains("Niigata", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodeDecode_Vector_RoundTrips()
    {
        // Act
        var back = Embeddings.Decode(Embeddings.Encode([0.25f, -1f, 3.5f]));

        // Assert
        Assert.Equal([0.25f, -1f, 3.5f], back!);
    }
}
