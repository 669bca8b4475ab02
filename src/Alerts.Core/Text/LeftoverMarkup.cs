using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// Markup left in plain text once its escaped characters are repaired: archives and feed exports keep a summary's
/// HTML escaped ("&amp;lt;b&amp;gt;...&amp;lt;/b&amp;gt;" closing a headline, "&amp;lt;a href=...&amp;gt;" in a
/// summary), so it reaches the analyser as tags. A tag is no word of the story ("href", "img", "doubleclick" found
/// topics' words in its addresses), and the advertisement a feed appends after a paragraph that reads ADVERTISEMENT
/// is no part of it ("SBC Case Study" in a story about storage routers is no story of SBC).
/// </summary>
public static partial class LeftoverMarkup
{
    // A tag of the markup feeds carry (links, emphasis, paragraphs, fonts, images, lists, tables): opening, closing or
    // self-closing, each attribute with its value. Only those: "<canvas>" in a story about the web's markup,
    // "<<Chirac humiliated>>" quoted in the French way and "debt <a third of equity ... yields >4 percent" are prose.
    [GeneratedRegex(@"</?(?:a|b|i|u|p|br|hr|em|strong|font|img|span|div|nobr|small|big|sup|sub|center|blockquote|li|ul|ol|table|tr|td|th|h[1-6])(?:\s+[A-Za-z-]+=(?:""[^""<>]*""|'[^'<>]*'|[^\s<>""']+))*\s*/?>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    // A paragraph (or block) that reads only "ADVERTISEMENT", in any case: the feed's advertisement follows it.
    [GeneratedRegex(@"<(?<block>p|div)>\s*advertisement\s*</\k<block>>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AdvertisementMark();

    /// <summary>The text without its advertisement and with each tag a space; the same instance when it has none.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        // The advertisement and all after it go, unless the mark opens the text: then only the mark.
        var advertisement = AdvertisementMark().Match(text);
        var story = !advertisement.Success ? text
            : advertisement.Index > 0 ? text[..advertisement.Index]
            : text[advertisement.Length..];
        return Tag().Replace(story, " ");
    }
}
