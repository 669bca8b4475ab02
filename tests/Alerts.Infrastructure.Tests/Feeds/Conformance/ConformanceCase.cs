using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Infrastructure.Tests.Feeds.Conformance;

/// <summary>One document of the conformance suite with what its leading comment says about it.</summary>
internal sealed partial record ConformanceCase(string RelativePath, byte[] Bytes, string? Expect, Uri BaseUri, string? ContentType)
{
    // The suite was written for a test server at this address; relative links in the expectations assume it.
    private static readonly Uri ServerRoot = new("http://127.0.0.1:8097/");

    public static ConformanceCase Load(string root, string path)
    {
        var bytes = File.ReadAllBytes(path);
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        var header = ReadHeaderText(bytes);
        var expect = ExpectLine().Match(header) is { Success: true } m ? CutComment(m.Groups[1].Value) : null;
        string? contentType = null;
        var baseUri = new Uri(ServerRoot, "tests/" + relative);
        foreach (Match h in HeaderLine().Matches(header))
        {
            var name = h.Groups[1].Value.Trim();
            var value = h.Groups[2].Value.Trim();
            if (name.Equals("Content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase)
                && Uri.TryCreate(baseUri, value, out var location) && location.Scheme is "http" or "https")
            {
                baseUri = location;
            }
        }

        return new ConformanceCase(relative, bytes, expect, baseUri, contentType);
    }

    private static string CutComment(string line)
    {
        var end = line.IndexOf("-->", StringComparison.Ordinal);
        return (end >= 0 ? line[..end] : line).Trim();
    }

    // The comment sits at the top; the file's own encoding decides how to read it.
    private static string ReadHeaderText(byte[] bytes)
    {
        var head = bytes.AsSpan(0, Math.Min(bytes.Length, 8192));
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || head.StartsWith((ReadOnlySpan<byte>)[0x3C, 0, 0, 0]))
        {
            return Encoding.UTF32.GetString(head);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0, 0, 0x3C]))
        {
            return new UTF32Encoding(bigEndian: true, byteOrderMark: true).GetString(head);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0x3C, 0]))
        {
            return Encoding.Unicode.GetString(head);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || head.StartsWith((ReadOnlySpan<byte>)[0, 0x3C]))
        {
            return Encoding.BigEndianUnicode.GetString(head);
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(head);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(head);
        }
    }

    [GeneratedRegex(@"Expect:[ \t]*(.*)")]
    private static partial Regex ExpectLine();

    [GeneratedRegex(@"^\s*Header:\s*([A-Za-z\-]+):(.*)$", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
