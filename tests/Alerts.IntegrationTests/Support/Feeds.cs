using System.Security;

namespace Alerts.IntegrationTests.Support;

/// <summary>Builds small RSS documents for tests (stories written for the tests).</summary>
public static class Feeds
{
    /// <summary>A story that the sample Afghanistan topic must alert on.</summary>
    public static readonly (string Title, string Link, string Summary) KabulStory = (
        "Turkish troops to stay and guard Kabul airport after NATO withdrawal",
        "https://news.example.org/world/turkish-troops-kabul-airport",
        "Turkey said its soldiers already deployed in Afghanistan will remain to secure Kabul's airport after US and NATO forces leave.");

    /// <summary>A story nobody subscribed to.</summary>
    public static readonly (string Title, string Link, string Summary) MarketsStory = (
        "Stocks edge higher as bond yields ease",
        "https://news.example.org/markets/stocks-edge-higher",
        "Shares rose modestly as investors welcomed lower bond yields.");

    /// <summary>An RSS 2.0 document with the given items, published 30 June 2021.</summary>
    public static string Rss(params (string Title, string Link, string Summary)[] items) =>
        RssPublished(new DateTimeOffset(2021, 6, 30, 14, 5, 0, TimeSpan.Zero), items);

    /// <summary>An RSS 2.0 document whose items were all published at <paramref name="published"/>.</summary>
    public static string RssPublished(DateTimeOffset published, params (string Title, string Link, string Summary)[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Test wire</title><link>https://news.example.org/</link>" +
        string.Concat(items.Select(item =>
            $"<item><title>{SecurityElement.Escape(item.Title)}</title><link>{SecurityElement.Escape(item.Link)}</link><description>{SecurityElement.Escape(item.Summary)}</description><pubDate>{published.ToUniversalTime():R}</pubDate></item>")) +
        "</channel></rss>";
}
