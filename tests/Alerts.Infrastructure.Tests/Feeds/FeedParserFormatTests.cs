using System.Text;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Parsing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Alerts.Infrastructure.Tests.Feeds.FeedFixtures;

namespace Alerts.Infrastructure.Tests.Feeds;

public sealed class FeedParserFormatTests
{
    private static readonly Uri GazetteFeedUrl = new("https://gazette.example/feeds/all.xml");

    [Fact]
    public void Parse_Rss20_ReadsChannelAndItems()
    {
        // Arrange
        var document = Bytes("rss20.xml");

        // Act
        var feed = ParseOk(document, GazetteFeedUrl);

        // Assert
        Assert.Equal("rss20", feed.Format);
        Assert.Equal("Harbour Gazette & Tide Tables", feed.Title);
        Assert.Equal("https://gazette.example/", feed.Link);
        Assert.Equal(2, feed.Entries.Count);
        var ferry = feed.Entries[0];
        Assert.Equal("gazette-4411", ferry.Id);
        Assert.Equal("Ferry timetable changes for winter", ferry.Title);
        Assert.Equal("https://gazette.example/news/ferry-winter", ferry.Link);
        Assert.Equal("The morning ferry leaves at 7:15 from pier 2.", ferry.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 3, 7, 30, 0, TimeSpan.Zero), ferry.Published);
        Assert.Equal(["Mara Quill"], ferry.Authors);
    }

    [Fact]
    public void Parse_Rss20ContentWithScript_SanitisesAndResolvesLinks()
    {
        // Arrange
        var document = Bytes("rss20.xml");

        // Act
        var content = ParseOk(document, GazetteFeedUrl).Entries[0].Content;

        // Assert
        Assert.NotNull(content);
        Assert.Contains("href=\"https://gazette.example/timetable\"", content, StringComparison.Ordinal);
        Assert.DoesNotContain("script", content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", content, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", content, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Rss20PermalinkGuidAndBadDate_UsesGuidAsLinkAndNullDate()
    {
        // Arrange
        var document = Bytes("rss20.xml");

        // Act
        var lighthouse = ParseOk(document, GazetteFeedUrl).Entries[1];

        // Assert
        Assert.Equal("https://gazette.example/news/lighthouse", lighthouse.Link);
        Assert.Equal("https://gazette.example/news/lighthouse", lighthouse.Id);
        Assert.Null(lighthouse.Published);
        Assert.Null(lighthouse.Summary);
    }

    [Fact]
    public void Parse_Rss091WithPublicDoctype_IgnoresDoctypeAndDecodesHtmlEntities()
    {
        // Arrange
        var document = Bytes("rss091.xml");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("rss091", feed.Format);
        Assert.Equal("Pruning season \u2014 start with the oldest trees", feed.Entries[0].Title);
        Assert.Equal("Cut above the bud & keep the centre open.", feed.Entries[0].Summary);
    }

    [Fact]
    public void Parse_Rss10Rdf_ReadsItemsOutsideChannelWithDcFields()
    {
        // Arrange
        var document = Bytes("rss10.rdf");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("rss10", feed.Format);
        Assert.Equal("Hilltop Observatory", feed.Title);
        var comet = Assert.Single(feed.Entries);
        Assert.Equal("http://observatory.example/comet", comet.Id);
        Assert.Equal("Comet visible after midnight", comet.Title);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 3, 45, 0, TimeSpan.Zero), comet.Published);
        Assert.Equal(["Ivo Stern"], comet.Authors);
    }

    [Fact]
    public void Parse_Rss090_ReadsNetscapeNamespace()
    {
        // Arrange
        var document = Bytes("rss090.rdf");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("rss090", feed.Format);
        Assert.Equal("Water wheel restored", Assert.Single(feed.Entries).Title);
        Assert.Equal("http://mill.example/wheel", feed.Entries[0].Link);
    }

    [Fact]
    public void Parse_Atom10_ResolvesXmlBaseAndReadsTextConstructs()
    {
        // Arrange
        var document = Bytes("atom10.xml");

        // Act
        var feed = ParseOk(document, new Uri("https://elsewhere.example/feed"));

        // Assert
        Assert.Equal("atom10", feed.Format);
        Assert.Equal("River Watch", feed.Title);
        Assert.Equal("https://river.example/blog/", feed.Link);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("Levels rising <fast>", entry.Title);
        Assert.Equal("https://river.example/blog/posts/flood-warning.html", entry.Link);
        Assert.Equal("tag:river.example,2026:flood-warning", entry.Id);
        Assert.Equal("Gauges at the weir read 2.4 m.", entry.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 7, 15, 30, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 45, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(["Tomas Reed"], entry.Authors);
        Assert.Contains("href=\"https://river.example/blog/maps/weir.png\"", entry.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", entry.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Atom03_ReadsIssuedModifiedAndEscapedContent()
    {
        // Arrange
        var document = Bytes("atom03.xml");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("atom03", feed.Format);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal(new DateTimeOffset(2004, 5, 1, 13, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2004, 5, 1, 14, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal("First red fruit today.", entry.Summary);
        Assert.Equal("<p>First <i>red</i> fruit today.</p>", entry.Content);
        Assert.Equal("http://glasshouse.example/tomatoes", entry.Link);
    }

    [Fact]
    public void Parse_JsonFeed11_ReadsItemsAndSanitisesHtml()
    {
        // Arrange
        var document = Bytes("jsonfeed11.json");

        // Act
        var feed = ParseOk(document, new Uri("https://bakery.example/feed.json"));

        // Assert
        Assert.Equal("json11", feed.Format);
        Assert.Equal("Bakery Bulletin", feed.Title);
        var item = Assert.Single(feed.Entries);
        Assert.Equal("loaf-42", item.Id);
        Assert.Equal("https://bakery.example/loaves/rye", item.Link);
        Assert.Equal("Rye and caraway loaf returns", item.Summary);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero), item.Published);
        Assert.Equal(["Ada Crumb"], item.Authors);
        Assert.Contains("<em>daily</em>", item.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", item.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonFeed10_ReadsNumericIdTextContentAndSingleAuthor()
    {
        // Arrange
        var document = Bytes("jsonfeed10.json");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("json10", feed.Format);
        var item = Assert.Single(feed.Entries);
        Assert.Equal("7", item.Id);
        Assert.Equal("Closed on the holiday.", item.Summary);
        Assert.Equal(["Ada Crumb"], item.Authors);
    }

    [Fact]
    public void Parse_Cdf_ReadsHrefAttributesAndAbstract()
    {
        // Arrange
        var document = Bytes("cdf.xml");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("cdf", feed.Format);
        var item = Assert.Single(feed.Entries);
        Assert.Equal("Morning headlines", item.Title);
        Assert.Equal("http://kiosk.example/headlines/1", item.Link);
        Assert.Equal("Tram works start on Monday.", item.Summary);
        Assert.Equal(new DateTimeOffset(2004, 4, 7, 4, 5, 43, TimeSpan.Zero), item.Updated);
    }

    [Theory]
    [InlineData("<rss><channel><item><title><![CDATA[Bread & <b>butter</b>]]></title></item></channel></rss>", "Bread & butter")]
    [InlineData("<rss><channel><item><title><![CDATA[Rates < 5% expected]]></title></item></channel></rss>", "Rates < 5% expected")]
    [InlineData("<rss><channel><item><title>Caf&eacute; &hellip; open</title></item></channel></rss>", "Caf\u00E9 \u2026 open")]
    [InlineData("<rss><channel><item><title>Q&A &unknownthing; day</title></item></channel></rss>", "Q&A &unknownthing; day")]
    [InlineData("<rss><channel><item><title>Quote &#147;this&#148;</title></item></channel></rss>", "Quote \u201Cthis\u201D")]
    [InlineData("<rss><channel><item><title>Tom &amp;amp; Jerry</title></item></channel></rss>", "Tom & Jerry")]
    public void Parse_TitleEntitiesAndCdata_ArePlainTextWithEntitiesDecoded(string xml, string expectedTitle)
    {
        // Arrange
        var document = Encoding.UTF8.GetBytes(xml);

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal(expectedTitle, feed.Entries[0].Title);
    }

    [Fact]
    public void Parse_TruncatedDocument_KeepsCompleteItems()
    {
        // Arrange
        var document = Encoding.UTF8.GetBytes("<rss><channel><title>Cut</title><item><title>Whole</title></item><item><title>Hal");

        // Act
        var feed = ParseOk(document);

        // Assert
        Assert.Equal("Cut", feed.Title);
        Assert.Equal("Whole", feed.Entries[0].Title);
    }

    [Fact]
    public void AddAlertsFeedParsing_Configured_RegistersSingletonWithLimits()
    {
        // Arrange
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Alerts:Feeds:MaxDocumentBytes"] = "10" })
            .Build();
        var services = new ServiceCollection().AddAlertsFeedParsing(configuration).BuildServiceProvider();

        // Act
        var parser = services.GetRequiredService<IFeedParser>();
        var result = parser.Parse(Encoding.UTF8.GetBytes("<rss><channel></channel></rss>"), new FeedDocumentContext());

        // Assert
        Assert.Same(parser, services.GetRequiredService<IFeedParser>());
        Assert.Contains("limit of 10 bytes", result.Error, StringComparison.Ordinal);
    }
}

public sealed class FeedParserConcurrencyTests
{
    [Fact]
    public void Parse_SameParserOnManyThreads_GivesSameResultsAsSequential()
    {
        // Arrange: the parser is a singleton shared by every queue trigger.
        var parser = new FeedParser();
        var names = new[] { "rss20.xml", "rss10.rdf", "atom10.xml", "atom03.xml", "jsonfeed11.json", "cdf.xml" };
        var documents = names.Select(FeedFixtures.Bytes).ToArray();
        var context = new FeedDocumentContext(new Uri("https://shared.example/feed"));
        var expected = documents.Select(d => Render(parser.Parse(d, context))).ToArray();

        // Act
        var results = new string[documents.Length * 50];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => results[i] = Render(parser.Parse(documents[i % documents.Length], context)));

        // Assert
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % documents.Length], results[i]);
        }
    }

    private static string Render(FeedParseResult result) =>
        result.Feed is null
            ? "error:" + result.Error
            : string.Join('\n', result.Feed.Entries.Select(e => $"{e.Id}|{e.Title}|{e.Link}|{e.Summary}|{e.Content}|{e.Published:O}|{string.Join(',', e.Authors)}"));
}
