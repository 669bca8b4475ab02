using Alerts.Core.Ingestion;
using CsCheck;

namespace Alerts.Core.Tests.Ingestion;

public sealed class ArticleIdentityTests
{
    [Fact]
    public void KeyFor_FeedRegeneratesGuidsButKeepsLinks_SameKeys()
    {
        // Arrange
        (string Link, string Title)[] items =
        [
            ("https://news.example.com/world/1?utm_source=rss", "Troops leave"),
            ("https://news.example.com/world/2", "Airport talks"),
        ];

        // Act
        var firstFetch = items.Select(i => ArticleIdentity.KeyFor(i.Link, Guid.NewGuid().ToString(), i.Title, null, "src")).ToList();
        var secondFetch = items.Select(i => ArticleIdentity.KeyFor(i.Link, Guid.NewGuid().ToString(), i.Title, null, "src")).ToList();

        // Assert
        Assert.Equal(firstFetch, secondFetch);
        Assert.Equal(2, firstFetch.Distinct().Count());
    }

    [Fact]
    public void KeyFor_TrackingVariantOfLink_SameKey()
    {
        // Act
        var plain = ArticleIdentity.KeyFor("https://news.example.com/a", null, "t", null);
        var tracked = ArticleIdentity.KeyFor("https://NEWS.example.com/a/?utm_campaign=x#c", "other-guid", "changed title", null);

        // Assert
        Assert.Equal(plain, tracked);
        Assert.StartsWith(ArticleIdentity.UrlPrefix, plain, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFor_NoLink_UsesGuidScopedToSource()
    {
        // Act
        var a = ArticleIdentity.KeyFor(null, "1", "Title", null, "source-a");
        var b = ArticleIdentity.KeyFor(null, "1", "Title", null, "source-b");
        var again = ArticleIdentity.KeyFor("", " 1 ", "Edited title", "now with summary", "source-a");

        // Assert
        Assert.NotEqual(a, b);
        Assert.Equal(a, again);
        Assert.StartsWith(ArticleIdentity.GuidPrefix, a, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFor_GuidIsUrl_KeyedLikeLink()
    {
        // Act
        var fromGuid = ArticleIdentity.KeyFor(null, "https://news.example.com/a?utm_source=x", "t", null, "s");
        var fromLink = ArticleIdentity.KeyFor("https://news.example.com/a", null, "t", null, "other");

        // Assert
        Assert.Equal(fromLink, fromGuid);
    }

    [Fact]
    public void KeyFor_OnlyText_HashIgnoresCaseAndWhitespace()
    {
        // Act
        var a = ArticleIdentity.KeyFor(null, null, "Kabul  Airport\tTalks", "Ankara says no.");
        var b = ArticleIdentity.KeyFor(null, "  ", "kabul airport talks", " Ankara   says no. ");
        var different = ArticleIdentity.KeyFor(null, null, "Kabul airport talks", "Ankara says yes.");

        // Assert
        Assert.Equal(a, b);
        Assert.NotEqual(a, different);
        Assert.StartsWith(ArticleIdentity.ContentPrefix, a, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFor_NothingToIdentify_Throws()
    {
        // Act
        var error = Assert.Throws<ArgumentException>(() => ArticleIdentity.KeyFor(" ", null, "", "\n"));

        // Assert
        Assert.Contains("no link, guid, title or summary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyFor_AnyInput_IsSafeTableKey()
    {
        // Arrange: hostile strings in every position.
        var gen = Gen.Select(Gen.String, Gen.String, Gen.String, Gen.String);

        // Act + Assert
        gen.Sample((link, guid, title, summary) =>
        {
            var key = ArticleIdentity.KeyFor(link, guid, "t" + title, summary, "s/#?\\");
            Assert.Matches("^[ugc][0-9a-f]{32}$", key);
        });
    }
}
