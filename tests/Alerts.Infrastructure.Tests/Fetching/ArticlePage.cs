using System.Net;

namespace Alerts.Infrastructure.Tests.Fetching;

/// <summary>An article page as news sites serve them: navigation, the story, a newsletter box, a footer. Written for these tests.</summary>
internal static class ArticlePage
{
    public static readonly string[] Paragraphs =
    [
        "Turkey will not add soldiers to the force that guards the international airport in Kabul, the defence ministry said on Tuesday, ending weeks of speculation about a larger mission.",
        "Officials in Ankara said the current contingent would stay in place for now, together with a rotation of engineers and air traffic specialists who keep the runway working.",
        "Negotiations with Washington and with the authorities in Kabul about security arrangements for the airport continue, according to the ministry, which gave no date for a decision.",
        "Diplomats in Brussels said several allies had asked Turkey to keep its role at the airport because it is the main route out of the country for embassies and aid agencies.",
    ];

    public static string Html(string title, IEnumerable<string> paragraphs) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{WebUtility.HtmlEncode(title)} | The Desk</title></head>
        <body>
          <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/markets">Markets</a></li></ul></nav>
          <main>
            <article>
              <h1>{WebUtility.HtmlEncode(title)}</h1>
              {string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))}
            </article>
          </main>
          <aside class="newsletter"><p>Subscribe to our newsletter for the morning briefing.</p></aside>
          <footer><p>Copyright The Desk. All rights reserved.</p></footer>
        </body></html>
        """;
}
