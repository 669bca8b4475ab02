using System.Text;
using Alerts.Core.Feeds;
using Alerts.Infrastructure.Feeds.Parsing;
using CsCheck;

namespace Alerts.Infrastructure.Tests.Feeds;

/// <summary>Random and mutated documents: the parser answers every one with a feed or a reason, never an exception.</summary>
public sealed class FeedParserFuzzTests
{
    private static readonly FeedParser Parser = new(new FeedParserOptions { MaxDepth = 64 });

    private static readonly string[] Seeds = ["rss20.xml", "rss091.xml", "rss10.rdf", "rss090.rdf", "atom10.xml", "atom03.xml", "jsonfeed11.json", "jsonfeed10.json", "cdf.xml"];

    // Fragments that stress the repairer and the readers when spliced into a document.
    private static readonly string[] Fragments =
    [
        "<", ">", "&", "&amp;", "&nbsp;", "&#0;", "&#x110000;", "&#146;", "]]>", "<![CDATA[", "<!--", "-->", "<!DOCTYPE x [<!ENTITY e \"&e;\">]>",
        "<!ENTITY a SYSTEM \"http://127.0.0.1:9/\">", "&a;", "xml:base=\"javascript:x\"", " xml:base=\"::\"", "<?xml version=\"1.0\" encoding=\"utf-16\"?>",
        "\uFEFF", "\0", "\u0085", "<title type=\"xhtml\">", "<content mode=\"base64\">!!", "{", "}", "\"", "<link href=\"%%\"/>", "<item>", "</item>",
        "<entry>", "</feed>", "<pubDate>Tue, 99 Foo 20x</pubDate>", "<updated>9999-99-99T99:99:99+99:99</updated>",
    ];

    private static readonly Gen<byte[]> RandomBytes = Gen.Byte.Array[0, 3000];

    private static readonly Gen<byte[]> MutatedDocuments =
        Gen.Select(Gen.Int[0, Seeds.Length - 1], Gen.Int[0, 20].Array[1, 12], Gen.Int[0, Fragments.Length - 1].Array[1, 12], Gen.Int[0, 100_000].Array[12],
            (seed, operations, fragments, positions) => Mutate(FeedFixtures.Bytes(Seeds[seed]), operations, fragments, positions));

    private static readonly Gen<byte[]> FeedShapedText =
        Gen.Select(Gen.OneOf("<rss><channel>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["),
            Gen.Int[0, Fragments.Length - 1].Array[0, 40],
            (start, picks) => Encoding.UTF8.GetBytes(start + string.Concat(picks.Select(p => Fragments[p]))));

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        RandomBytes.Sample(AssertAnswered, iter: 3000, threads: 1);
    }

    [Fact]
    public void Parse_MutatedFixtures_NeverThrows()
    {
        MutatedDocuments.Sample(AssertAnswered, iter: 3000, threads: 1);
    }

    [Fact]
    public void Parse_FeedShapedFragments_NeverThrows()
    {
        FeedShapedText.Sample(AssertAnswered, iter: 3000, threads: 1);
    }

    private static void AssertAnswered(byte[] document)
    {
        var result = Parser.Parse(document, new FeedDocumentContext(new Uri("https://fuzz.example/feed"), "application/xml"));
        if (result.Feed is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Error));

            // This message means an exception escaped a reader and was caught at the boundary: a defect.
            Assert.DoesNotContain("could not be read (", result.Error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(result.Error);
            Assert.All(result.Feed.Entries, e => Assert.NotNull(e.Authors));
        }
    }

    private static byte[] Mutate(byte[] original, int[] operations, int[] fragments, int[] positions)
    {
        var bytes = new List<byte>(original);
        for (var i = 0; i < operations.Length; i++)
        {
            var at = bytes.Count == 0 ? 0 : positions[i % positions.Length] % bytes.Count;
            switch (operations[i] % 5)
            {
                case 0:
                    if (bytes.Count > 0)
                    {
                        bytes[at] ^= (byte)(1 << (positions[(i + 1) % positions.Length] % 8));
                    }

                    break;
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[fragments[i % fragments.Length]]));
                    break;
                case 2:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + (positions[(i + 1) % positions.Length] % 40)));
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at); // Truncate.
                    break;
                default:
                    var length = Math.Min(bytes.Count - at, 1 + (positions[(i + 2) % positions.Length] % 200));
                    bytes.InsertRange(at, bytes.GetRange(at, length)); // Duplicate a span.
                    break;
            }
        }

        return [.. bytes];
    }
}
