using System.Text;
using static Alerts.Infrastructure.Tests.Feeds.FeedFixtures;

namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>The sections a feed files its entries under, which topics read with <c>category:</c>.</summary>
public sealed class FeedCategoryTests
{
    [Fact]
    public void Parse_Rss20Categories_AreReadOnceEach()
    {
        // Arrange: RSS 2.0's category (a domain names a taxonomy), repeated in another case, and Dublin Core's subject.
        var document = Encoding.UTF8.GetBytes("""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette</title>
            <item><title>Harbour reopens</title><link>https://gazette.example/a</link>
            <category domain="https://gazette.example/sections">Local  News</category><category>local news</category>
            <category> </category><dc:subject>Transport</dc:subject></item>
            </channel></rss>
            """);

        // Act
        var entry = Assert.Single(ParseOk(document).Entries);

        // Assert
        Assert.Equal(["Local News", "Transport"], entry.Categories);
    }

    [Fact]
    public void Parse_CategoryHoldingAnImage_IsItsOwnTextOnly()
    {
        // Arrange: seen in the wild, an image element inside a category.
        var document = Encoding.UTF8.GetBytes("""
            <rss version="2.0"><channel><title>G</title><item><title>T</title><link>https://g.example/t</link>
            <category>Advice <image><url>https://g.example/i.jpg</url><title>Column</title></image></category></item></channel></rss>
            """);

        // Act / Assert
        Assert.Equal(["Advice"], Assert.Single(ParseOk(document).Entries).Categories);
    }

    [Fact]
    public void Parse_AtomCategories_UseTheLabelElseTheTerm()
    {
        // Arrange
        var document = Encoding.UTF8.GetBytes("""
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2026-11-03T07:30:00Z</updated>
            <entry><title>Rates held</title><id>urn:wire:1</id><updated>2026-11-03T07:30:00Z</updated><link href="https://wire.example/1"/>
            <category term="biz" scheme="https://wire.example/desks" label="Business"/><category term="Economy"/></entry>
            </feed>
            """);

        // Act
        var entry = Assert.Single(ParseOk(document).Entries);

        // Assert
        Assert.Equal(["Business", "Economy"], entry.Categories);
    }

    [Fact]
    public void Parse_JsonFeedTags_AreItsCategories()
    {
        // Arrange
        var document = Encoding.UTF8.GetBytes("""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Desk",
             "items": [{"id": "1", "url": "https://desk.example/1", "title": "Match report", "content_text": "Won 2-1.", "tags": ["Sports", 7, "Football", "sports"]}]}
            """);

        // Act
        var entry = Assert.Single(ParseOk(document).Entries);

        // Assert: only strings, each once.
        Assert.Equal(["Sports", "Football"], entry.Categories);
    }

    [Fact]
    public void Parse_EntryWithoutCategories_HasNone()
    {
        // Arrange
        var document = Encoding.UTF8.GetBytes("<rss version=\"2.0\"><channel><title>G</title><item><title>T</title><link>https://g.example/t</link></item></channel></rss>");

        // Act / Assert
        Assert.Empty(Assert.Single(ParseOk(document).Entries).Categories);
    }
}
