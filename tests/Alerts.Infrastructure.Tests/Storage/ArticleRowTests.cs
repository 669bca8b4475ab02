using Alerts.Core.Articles;
using Alerts.Infrastructure.Storage;

namespace Alerts.Infrastructure.Tests.Storage;

/// <summary>Any article fits one table row: fields are capped and the body shrinks, so one item never blocks its feed.</summary>
public sealed class ArticleRowTests
{
    [Fact]
    public void FitOneRow_HugeFieldsAndCharactersOutsideTheBasicPlane_FitsWithItsOpeningKept()
    {
        // Arrange: 100,000 emoji take 1.2 million characters of JSON (\\ud83d\\ude80 each).
        var rocket = char.ConvertFromUtf32(0x1F680);
        var body = string.Concat(Enumerable.Repeat(rocket, 100_000));
        var article = new Article("k", "feed", new string('T', 50_000), "https://example.org/" + new string('p', 10_000), body, body, DateTimeOffset.UnixEpoch)
        {
            Authors = Enumerable.Range(0, 5_000).Select(i => "Author " + i + new string('x', 500)).ToList(),
        };

        // Act
        var stored = TableArticleStore.FitOneRow(article);

        // Assert
        Assert.True(JsonEntityTable<Article>.Fits(stored));
        Assert.Equal(1_000, stored.Title.Length);
        Assert.Equal(20, stored.Authors.Count);
        Assert.All(stored.Authors, a => Assert.True(a.Length <= 200));
        Assert.StartsWith(rocket + rocket, stored.Summary ?? stored.Content, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate((stored.Content ?? stored.Summary)![^1]), "a character outside the basic plane was cut in half");
    }

    [Fact]
    public void FitOneRow_OrdinaryArticle_Unchanged()
    {
        // Arrange
        var article = new Article("k", "feed", "Troops arrive", "https://example.org/a", "Summary.", "<p>Body.</p>", DateTimeOffset.UnixEpoch) { Authors = ["Ann"] };

        // Act
        var stored = TableArticleStore.FitOneRow(article);

        // Assert
        Assert.Equal(article.Title, stored.Title);
        Assert.Equal(article.Content, stored.Content);
        Assert.Equal(["Ann"], stored.Authors);
    }
}
