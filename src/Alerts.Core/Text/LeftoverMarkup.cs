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
    // An opening, closing or self-closing tag: a letter after "<", no other angle bracket before its ">".
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"<p>\s*ADVERTISEMENT\s*</p>", RegexOptions.CultureInvariant)]
    private static partial Regex AdvertisementMark();

    /// <summary>The text without its advertisement and with each tag a space; the same instance when it has none.</summary>
    public static string Strip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('<', StringComparison.Ordinal))
        {
            return text;
        }

        var advertisement = AdvertisementMark().Match(text);
        var story = advertisement.Success ? text[..advertisement.Index] : text;
        return Tag().IsMatch(story) ? Tag().Replace(story, " ") : story;
    }
}
