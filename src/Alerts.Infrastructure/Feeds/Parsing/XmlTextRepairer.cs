using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Prepares decoded feed text for an XML reader that prohibits DTDs. Feeds routinely use HTML entities
/// (<c>&amp;nbsp;</c>) that XML does not define, bare ampersands and windows-1252 character references;
/// those are rewritten into numeric references or escaped. The DOCTYPE is removed so that no DTD is ever
/// processed: only flat internal entities (plain text, no references, no external identifiers) are
/// expanded here, within a character budget, which defeats billion-laughs, quadratic blow-up and XXE.
/// Comments, CDATA sections and processing instructions are copied untouched.
/// </summary>
internal static partial class XmlTextRepairer
{
    // Real feeds declare at most a few entities; a larger subset is an attack or not a feed.
    private const int MaxInternalSubset = 64 * 1024;

    private static readonly HashSet<string> XmlPredefined = ["lt", "gt", "amp", "quot", "apos"];

    // Feeds were written against HTML 4, where these two angle brackets differ from HTML5's table.
    private static readonly Dictionary<string, string> Html4Differences = new(StringComparer.Ordinal)
    {
        ["lang"] = "\u2329",
        ["rang"] = "\u232A",
    };

    public static string Repair(string text, long maxCharacters)
    {
        var output = new StringBuilder(text.Length + 64);
        var entities = new Dictionary<string, string>(StringComparer.Ordinal);
        var refused = new HashSet<string>(StringComparer.Ordinal);
        var i = SkipPrologWhitespace(text);
        while (i < text.Length)
        {
            if (output.Length > maxCharacters)
            {
                throw new FeedFormatException($"document exceeds the limit of {maxCharacters} characters after entity expansion");
            }

            var c = text[i];
            if (c == '<')
            {
                i = CopyMarkupDeclaration(text, i, output, entities, refused);
            }
            else if (c == '&')
            {
                i = RewriteReference(text, i, output, entities, refused);
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    // The XML declaration is dropped too: the text is already decoded, and a stale encoding label
    // or whitespace before it would make the reader fail.
    private static int SkipPrologWhitespace(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF'))
        {
            i++;
        }

        if (string.CompareOrdinal(text, i, "<?xml", 0, 5) == 0 && i + 5 < text.Length && (char.IsWhiteSpace(text[i + 5]) || text[i + 5] == '?'))
        {
            var end = text.IndexOf("?>", i, StringComparison.Ordinal);
            if (end >= 0)
            {
                i = end + 2;
            }
        }

        return i;
    }

    private static int CopyMarkupDeclaration(string text, int i, StringBuilder output, Dictionary<string, string> entities, HashSet<string> refused)
    {
        if (StartsAt(text, i, "<!--"))
        {
            return CopyThrough(text, i, "-->", output);
        }

        if (StartsAt(text, i, "<![CDATA["))
        {
            return CopyThrough(text, i, "]]>", output);
        }

        if (StartsAt(text, i, "<?xml") && i + 5 < text.Length && (char.IsWhiteSpace(text[i + 5]) || text[i + 5] == '?'))
        {
            // A misplaced XML declaration (after a comment) carries nothing the decoded text still needs.
            var end = text.IndexOf("?>", i, StringComparison.Ordinal);
            return end < 0 ? text.Length : end + 2;
        }

        if (StartsAt(text, i, "<?"))
        {
            return CopyThrough(text, i, "?>", output);
        }

        if (i + 9 <= text.Length && string.Compare(text, i, "<!DOCTYPE", 0, 9, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return SkipDoctype(text, i, entities, refused);
        }

        output.Append('<');
        return i + 1;
    }

    private static int CopyThrough(string text, int start, string terminator, StringBuilder output)
    {
        var end = text.IndexOf(terminator, start + 2, StringComparison.Ordinal);
        var stop = end < 0 ? text.Length : end + terminator.Length;
        output.Append(text, start, stop - start);
        return stop;
    }

    private static int SkipDoctype(string text, int start, Dictionary<string, string> entities, HashSet<string> refused)
    {
        var subsetStart = -1;
        var i = start + 9;
        for (; i < text.Length; i++)
        {
            if (text[i] == '[')
            {
                subsetStart = i + 1;
                break;
            }

            if (text[i] == '>')
            {
                return i + 1;
            }
        }

        if (subsetStart < 0)
        {
            return text.Length;
        }

        var subsetEnd = FindSubsetEnd(text, subsetStart);
        if (subsetEnd - subsetStart > MaxInternalSubset)
        {
            throw new FeedFormatException($"the DTD internal subset is larger than {MaxInternalSubset / 1024} KB; DTDs are prohibited");
        }

        var subset = text[subsetStart..subsetEnd];
        foreach (Match declaration in EntityDeclaration().Matches(subset))
        {
            var isParameter = declaration.Groups["percent"].Success;
            var name = declaration.Groups["name"].Value;
            var body = declaration.Groups["body"].Value.Trim();
            if (isParameter)
            {
                continue;
            }

            if (IsFlatLiteral(body, out var value) && !entities.ContainsKey(name))
            {
                entities[name] = value;
            }
            else
            {
                refused.Add(name);
            }
        }

        var close = text.IndexOf('>', Math.Min(subsetEnd + 1, text.Length));
        return close < 0 ? text.Length : close + 1;
    }

    // The internal subset ends at the first ']' outside quoted literals.
    private static int FindSubsetEnd(string text, int start)
    {
        var quote = '\0';
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == ']')
            {
                return i;
            }
        }

        return text.Length;
    }

    private static bool IsFlatLiteral(string body, out string value)
    {
        value = string.Empty;
        if (body.Length < 2 || body[0] is not ('"' or '\'') || body[^1] != body[0])
        {
            return false; // SYSTEM / PUBLIC: an external entity, never fetched.
        }

        var inner = body[1..^1];
        if (inner.AsSpan().IndexOfAny('&', '%', '<') >= 0)
        {
            return false; // Nested references are how entity-expansion bombs grow.
        }

        value = inner;
        return true;
    }

    private static int RewriteReference(string text, int i, StringBuilder output, Dictionary<string, string> entities, HashSet<string> refused)
    {
        var semicolon = -1;
        for (var j = i + 1; j < text.Length && j < i + 40; j++)
        {
            var c = text[j];
            if (c == ';')
            {
                semicolon = j;
                break;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '#' or '_' or '-' or '.' or ':'))
            {
                break;
            }
        }

        if (semicolon < 0)
        {
            output.Append("&amp;");
            return i + 1;
        }

        var name = text[(i + 1)..semicolon];
        var next = semicolon + 1;
        if (name.Length > 1 && name[0] == '#')
        {
            AppendCharacterReference(name, output);
            return next;
        }

        if (XmlPredefined.Contains(name))
        {
            output.Append('&').Append(name).Append(';');
        }
        else if (entities.TryGetValue(name, out var value))
        {
            output.Append(value);
        }
        else if (refused.Contains(name))
        {
            throw new FeedFormatException(
                $"entity '{name}' is declared in the document's DTD with nested or external references; DTDs are prohibited and such entities are refused");
        }
        else if (Html4Differences.TryGetValue(name, out var html4))
        {
            AppendNumeric(html4, output);
        }
        else if (HtmlEntityProvider.Resolver.GetSymbol(name) is { Length: > 0 } symbol)
        {
            AppendNumeric(symbol, output);
        }
        else
        {
            // Unknown entity: keep it visible as text rather than fail the whole feed.
            output.Append("&amp;").Append(name).Append(';');
        }

        return next;
    }

    private static void AppendCharacterReference(string name, StringBuilder output)
    {
        var isHex = name.Length > 2 && name[1] is 'x' or 'X';
        var digits = isHex ? name[2..] : name[1..];
        var parsed = isHex
            ? int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
            : int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
        if (!parsed)
        {
            output.Append("&amp;").Append(name).Append(';');
            return;
        }

        // Windows-1252 references (&#146;) are what authors meant by the C1 range.
        if (code is >= 0x80 and <= 0x9F)
        {
            code = Windows1252ToUnicode(code);
        }

        if (!IsXmlCharacter(code))
        {
            code = 0xFFFD;
        }

        output.Append("&#").Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
    }

    private static void AppendNumeric(string symbol, StringBuilder output)
    {
        for (var k = 0; k < symbol.Length; k++)
        {
            var code = char.IsSurrogatePair(symbol, k) ? char.ConvertToUtf32(symbol[k], symbol[++k]) : symbol[k];
            output.Append("&#").Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
        }
    }

    private static int Windows1252ToUnicode(int code)
    {
        var text = FeedTextDecoderEncodings.Windows1252.GetString([(byte)code]);
        return text.Length == 1 && text[0] != '\uFFFD' ? text[0] : code;
    }

    private static bool IsXmlCharacter(int code) =>
        code is 0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or (>= 0x10000 and <= 0x10FFFF);

    private static bool StartsAt(string text, int i, string value) =>
        string.CompareOrdinal(text, i, value, 0, value.Length) == 0;

    [GeneratedRegex("""<!ENTITY\s+(?<percent>%\s+)?(?<name>[^\s"'>]+)\s+(?<body>"[^"]*"|'[^']*'|[^>]*)\s*>""", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex EntityDeclaration();
}

internal static class FeedTextDecoderEncodings
{
    static FeedTextDecoderEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 { get; } = CreateWindows1252();

    private static Encoding CreateWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
