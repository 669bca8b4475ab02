using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// The dash that closes a body's dateline ("WASHINGTON -", "SEATTLE, Wash. (AP) -", "MOSCOW (Reuters) --"): what
/// follows is the story's first sentence, so a phrase never runs across it ("WASHINGTON - State Department officials"
/// holds no "Washington State").
/// </summary>
internal static partial class DatelineDash
{
    /// <summary>The dash's offset in the body, or -1 when the body opens with no dateline.</summary>
    public static int In(string body)
    {
        var match = Dateline().Match(body);
        return match.Success ? match.Groups["dash"].Index : -1;
    }

    [GeneratedRegex(@"^\s*[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]+){0,3}(?:,\s*[A-Za-z.\s]{2,25})?(?:\s*\([^)]{1,40}\))?\s*(?<dash>--|-|–|—)\s", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();
}
