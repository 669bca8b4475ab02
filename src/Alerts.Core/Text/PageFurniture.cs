using System.Text.RegularExpressions;

namespace Alerts.Core.Text;

/// <summary>
/// A headline a feed filled with its page's furniture instead of the story's title: "Email this to a friend Print this
/// story", "Enter your e-mail:". Such a headline says nothing of the story, and its words found every topic about
/// e-mail or printing (both e-mail topics of the eighty-eighth check alerted on the two such headlines of the corpus),
/// so the story is read without it, from its body.
/// </summary>
public static partial class PageFurniture
{
    // One or more of the prompts a page puts around a story (share it, print it, give your e-mail), and nothing else.
    // Not "Subscribe", "Sign up" or "Click here" alone: as short a headline may be the story's own.
    [GeneratedRegex(
        @"^\W*(?:(?:(?:e-?mail|send|share) (?:this|the) (?:story|article|page|link)(?: to a friend)?|(?:e-?mail|send) (?:this|it) to a friend|print (?:this|the) (?:story|article|page)|printer[- ]friendly (?:version|format|page)|enter your e-?mail(?: address)?)\W*)+$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OnlyFurniture();

    /// <summary>Whether a headline is only the page's furniture, no title of a story.</summary>
    public static bool IsAllOf(string headline)
    {
        ArgumentNullException.ThrowIfNull(headline);
        return headline.Length <= 120 && OnlyFurniture().IsMatch(headline);
    }
}
