namespace Alerts.Core.Text;

/// <summary>
/// The source's name a headline closes with, in brackets: "Oil prices rise (AP)", "Fire kills seven (Canadian Press)",
/// "Microsoft fixes SP2 flaw (washingtonpost.com)". Feeds that gather many sources credit each story so; the credit
/// says who sent the story, not what it is about, so a topic's words do not find it (a Canada topic excluding
/// <c>-title:Canadian</c> keeps the Canadian Press's Ontario stories; <c>Reuters</c> finds stories about the company).
/// </summary>
public static class HeadlineCredit
{
    private const int MostWords = 5;

    // What may stand between a credit's words: "(U.S. News &amp; World Report)".
    private static readonly System.Buffers.SearchValues<char> Joiners = System.Buffers.SearchValues.Create("&/-+");

    /// <summary>
    /// The offset in the headline where its closing credit's bracket opens, or -1 when it has none: a bracket after a
    /// space that ends the headline and holds one to five words, each starting with a capital ("(Investor's Business
    /// Daily)", "(Update2)") or a site's address ("(washingtonpost.com)"); not "(12 inn.)", "(and survived)", nor "401(k)", and not a headline that is all bracket.
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

        var inside = text[(open + 1)..^1];
        if (inside.ContainsAny('(', ')'))
        {
            return -1;
        }

        var words = 0;
        foreach (var range in inside.Split(' '))
        {
            var word = inside[range];
            if (word.IsEmpty || !word.ContainsAnyExcept(Joiners))
            {
                continue;
            }

            if (++words > MostWords || !(char.IsUpper(word[0]) || IsWebAddress(word)))
            {
                return -1;
            }
        }

        return words == 0 ? -1 : open;
    }

    // "washingtonpost.com", "newratings.com": a site's address, written in small letters.
    private static bool IsWebAddress(ReadOnlySpan<char> word)
    {
        var dot = word.LastIndexOf('.');
        return dot > 0 && dot < word.Length - 2 && !word[(dot + 1)..].ContainsAnyExceptInRange('a', 'z');
    }
}
