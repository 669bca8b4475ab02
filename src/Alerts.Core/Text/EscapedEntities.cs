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
    // Only references that are unmistakable: the common named ones and decimal or hexadecimal numbers. The lost-
    // ampersand form needs its space (that was the ampersand), so "lt;" or "amp;" written as words are left alone.
    [GeneratedRegex(@"(?:&| )(?<entity>amp|quot|apos|lt|gt|nbsp|#[0-9]{2,5}|#x[0-9a-fA-F]{2,4});", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();

    /// <summary>The text with such references decoded; the same instance when there are none.</summary>
    public static string Repair(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Until nothing is left, so that repairing twice changes nothing ("&amp;amp;" was escaped three times).
        var repaired = text;
        for (var previous = string.Empty; !ReferenceEquals(previous, repaired) && repaired.Contains(';', StringComparison.Ordinal);)
        {
            previous = repaired;
            repaired = Reference().Replace(repaired, static match => WebUtility.HtmlDecode("&" + match.Groups["entity"].Value + ";"));
        }

        return repaired;
    }
}
