using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// The source's name a headline closes with, in brackets: "Oil prices rise (AP)", "Fire kills seven (Canadian Press)",
/// "Microsoft fixes SP2 flaw (washingtonpost.com)". Feeds that gather many sources credit each story so; the credit
/// says who sent the story, not what it is about, so a topic's words do not find it (a Canada topic excluding
/// <c>-title:Canadian</c> keeps the Canadian Press's Ontario stories; <c>Reuters</c> finds stories about the company)
/// and no place is read in it ("(China Daily)").
/// </summary>
public static partial class HeadlineCredit
{
    private const int MostWords = 5;

    /// <summary>
    /// The offset in the headline where its closing credit's bracket opens, or -1 when it has none. A credit is a
    /// bracket after a space that ends the headline, holds one to five words and has a source's shape: a news agency
    /// ("(AP)", "(Reuters)"), a site's address ("(washingtonpost.com)"), a name whose last word is or holds a word of
    /// the press ("(Canadian Press)", "(Los Angeles Times)", "(PC World)", "(NewsFactor)", "(Getty Images)"), or a
    /// story's update mark ("(Update2)"). Anything else stays the headline's words, whatever its capitals: "(Prius)",
    /// "(And Survived)", "(Nasdaq: ORCL)", "(World Health Organization)".
    /// </summary>
    public static int StartIn(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        var text = headline.AsSpan().TrimEnd();
        if (text.Length < 3 || text[^1] != ')')
        {
            return -1;
        }

        var open = text.LastIndexOf('(');
        if (open < 1 || text[open - 1] != ' ' || text[..open].IsWhiteSpace())
        {
            return -1;
        }

        var inside = text[(open + 1)..^1].Trim().ToString();
        var words = inside.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= MostWords && IsSourceShaped(inside, words[^1]) ? open : -1;
    }

    /// <summary>The headline without its closing credit ("Oil prices rise" for "Oil prices rise (Reuters)").</summary>
    public static string Without(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        var start = StartIn(headline);
        return start < 0 ? headline : headline[..start].TrimEnd();
    }

    private static bool IsSourceShaped(string credit, string lastWord) =>
        Agencies.Contains(credit) || WebAddress().IsMatch(credit) || UpdateMark().IsMatch(credit)
        || PressWords.Any(word => lastWord.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            || lastWord.EndsWith(word, StringComparison.OrdinalIgnoreCase));

    // The wires whose names are no word of the press: the agencies that credit most stories in English feeds.
    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "AP", "Reuters", "AFP", "CP", "UPI", "Bloomberg", "Xinhua", "Xinhuanet", "dpa", "Kyodo", "ANSA", "EFE", "PTI", "IANS",
        "Interfax", "Itar-Tass", "RIA Novosti", "AFX", "Ticker", "IRNA", "AP Photo", "Reuters Photo",
    };

    // Words a news source's name ends with ("Canadian Press", "PC World", "BusinessWeek Online") or is made of
    // ("NewsFactor", "InfoWorld", "TechWeb").
    private static readonly string[] PressWords =
    [
        "Press", "News", "Times", "Post", "World", "Online", "Daily", "Journal", "Herald", "Tribune", "Report", "Images",
        "Wire", "Network", "Magazine", "Week", "Web", "Today", "Telegraph", "Gazette", "Chronicle", "Observer",
    ];

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]*(\.[A-Za-z0-9\-]+)*\.(com|net|org|co\.uk|info)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();

    [GeneratedRegex(@"^Update ?\d{1,2}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UpdateMark();
}
