using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// Repairs HTML character references left in plain text, the two ways news text carries them: escaped twice
/// (<c>AT&amp;amp;T</c>, <c>isn&amp;#39;t</c> still there after one decoding) and escaped with the ampersand lost
/// to a space, as some archives and feed exports store them (<c>AT amp;T</c>, <c>isn #39;t</c>,
/// <c>the  quot;war quot;</c>). Left alone they make words of their own ("amp", "quot", "39") and cut names apart:
/// "AT&amp;T" would be the words "at", "amp" and "t".
/// </summary>
public static partial class EscapedEntities
{
    // Text escaped more often than this keeps what is left: each pass copies the text.
    private const int MaxPasses = 3;

    // Only references that are unmistakable: the common named ones and numbers. Escaped twice, any character but a
    // lone surrogate or a non-character (which decode to nothing valid). With the ampersand lost, the space that
    // replaced it is needed, and only what such archives show: quotes, apostrophes, dollars ("#39;", "#36;") and an
    // ampersand inside a name ("AT amp;T") or after a space of its own ("Johnson  amp; Johnson"); "ranked #50;" and
    // "his amp; the crowd" stay as written. A quote or apostrophe may open a field, or a line of one, whose space was
    // trimmed away ("#39;Enron of Kansas #39; Trial Begins").
    [GeneratedRegex(@"&(?<twice>amp|quot|apos|lt|gt|nbsp|#[0-9]{2,7}|#x[0-9a-fA-F]{2,6});|(?:(?m:^)| )(?<lost>quot|#3[4689]);| (?<lost>amp);(?=\S)|(?<= ) (?<lost>amp);", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>The text with such references decoded; the same instance when there are none.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Again while something changes ("&amp;amp;" was escaped three times), so that repairing twice changes nothing.
        var repaired = text;
        for (var pass = 0; pass < MaxPasses && repaired.Contains(';', StringComparison.Ordinal); pass++)
        {
            var next = Reference().Replace(repaired, Decode);
            if (string.Equals(next, repaired, StringComparison.Ordinal))
            {
                break;
            }

            repaired = next;
        }

        return repaired;
    }

    private static string Decode(Match match)
    {
        var twice = match.Groups["twice"];
        var entity = twice.Success ? twice.Value : match.Groups["lost"].Value;
        return IsDecodable(entity) ? WebUtility.HtmlDecode("&" + entity + ";") : match.Value;
    }

    private static bool IsDecodable(string entity)
    {
        if (entity[0] != '#')
        {
            return true;
        }

        var isHex = entity[1] is 'x' or 'X';
        if (!int.TryParse(entity.AsSpan(isHex ? 2 : 1), isHex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        // Printable, and a character: no surrogate half, no non-character (U+FDD0-FDEF, U+xFFFE, U+xFFFF).
        return code is >= 32 and <= 0x10FFFF and (< 0xD800 or > 0xDFFF) and (< 0xFDD0 or > 0xFDEF) && (code & 0xFFFE) != 0xFFFE;
    }
}
