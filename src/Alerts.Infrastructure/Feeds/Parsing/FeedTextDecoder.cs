using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Turns feed bytes into text. The encoding comes from, in order: a byte-order mark, the HTTP charset,
/// the XML declaration, the byte pattern of the first characters, then UTF-8. Feeds often lie about their
/// encoding, so when the chosen one cannot decode the bytes the decoder falls back to UTF-8 and then to
/// windows-1252, which accepts every byte, instead of failing.
/// </summary>
internal static partial class FeedTextDecoder
{
    static FeedTextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var candidates = new List<string>(5);
        var (bomEncoding, bomLength) = DetectBom(bytes);
        if (bomEncoding is not null)
        {
            candidates.Add(bomEncoding);
        }

        var sniffed = SniffWithoutBom(bytes);
        var httpCharset = CharsetOf(contentType);
        if (httpCharset is not null)
        {
            candidates.Add(httpCharset);
        }

        var declared = DeclaredEncoding(bytes[bomLength..], sniffed ?? bomEncoding);

        // Without a BOM, the byte pattern of "<?" fixes the width and byte order; a declaration of
        // plain "UTF-16" cannot say which order, and a single-byte label cannot be right.
        if (declared is not null && sniffed is null)
        {
            candidates.Add(declared);
        }

        if (sniffed is not null)
        {
            candidates.Add(sniffed);
        }

        candidates.Add("utf-8");
        candidates.Add("windows-1252");

        foreach (var name in candidates)
        {
            var encoding = Resolve(name);
            if (encoding is null)
            {
                continue;
            }

            var payload = bytes[bomLength..];
            try
            {
                return new DecodedText(MapC1Controls(encoding.GetString(payload)), encoding.WebName);
            }
            catch (DecoderFallbackException)
            {
                // Wrong declaration: try the next candidate.
            }
        }

        // windows-1252 maps five bytes to nothing; Latin-1 maps every byte, so this always succeeds.
        return new DecodedText(Encoding.Latin1.GetString(bytes[bomLength..]), Encoding.Latin1.WebName);
    }

    // C1 control characters never appear in real text: they are windows-1252 punctuation (curly quotes,
    // dashes) that went through a Latin-1 or UTF-8 conversion, so they are mapped back to what was meant.
    private static string MapC1Controls(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\u0080', '\u009F'))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                var mapped = FeedTextDecoderEncodings.Windows1252.GetString([(byte)chars[i]]);
                if (mapped.Length == 1 && mapped[0] != '\uFFFD')
                {
                    chars[i] = mapped[0];
                }
            }
        }

        return new string(chars);
    }

    /// <summary>The charset parameter of a Content-Type header value, tolerating spaces and quotes.</summary>
    public static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var match = CharsetParameter().Match(contentType);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static (string? Name, int Length) DetectBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("utf-8", 3);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return ("utf-32le", 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return ("utf-32be", 4);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("utf-16le", 2);
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ("utf-16be", 2);
        }

        return (null, 0);
    }

    // The XML spec's appendix F: the bytes of "<?" tell the character width without a BOM.
    private static string? SniffWithoutBom(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00, 0x00, 0x00]))
        {
            return "utf-32le";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x00, 0x3C]))
        {
            return "utf-32be";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x3C, 0x00]))
        {
            return "utf-16le";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x3C]))
        {
            return "utf-16be";
        }

        if (b.StartsWith((ReadOnlySpan<byte>)[0x4C, 0x6F, 0xA7, 0x94]))
        {
            return "IBM037";
        }

        return null;
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes, string? width)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        string prolog;
        try
        {
            prolog = (width is null ? Encoding.Latin1 : Resolve(width) ?? Encoding.Latin1).GetString(head);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var match = XmlDeclarationEncoding().Match(prolog);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? Resolve(string name)
    {
        var normalized = name.Trim().Trim('"', '\'').ToLowerInvariant();

        // As browsers do: Latin-1 labels mean windows-1252, whose extra characters (curly quotes) feeds use.
        normalized = normalized switch
        {
            "iso-8859-1" or "iso8859-1" or "latin1" or "latin-1" or "l1" or "iso_8859-1" or "cp819" => "windows-1252",
            "utf8" => "utf-8",
            "utf-16" => "utf-16le",
            "ebcdic-cp-us" or "cp037" => "IBM037",
            _ => normalized,
        };
        try
        {
            return Encoding.GetEncoding(normalized, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex XmlDeclarationEncoding();
}

/// <summary>Decoded document text and the encoding that produced it.</summary>
internal sealed record DecodedText(string Text, string EncodingName);
