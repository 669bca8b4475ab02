using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Alerts.Core.Ingestion;

/// <summary>
/// MinHash signature of an article's normalised title and summary, taken over word pairs (2-shingles). The share of
/// equal positions between two signatures estimates the Jaccard similarity of their shingle sets, which separates
/// "the same story, edited or rewritten by another outlet" (about 0.6-0.7) from "another story on the same subject"
/// (under 0.1) even for the short texts feeds carry. The first <see cref="BandCount"/> x <see cref="RowsPerBand"/>
/// values are cut into bands; copies of one story share at least one band with high probability (LSH), so a band is
/// an exact-match lookup key, and the whole signature then estimates the similarity.
/// </summary>
public sealed class StoryFingerprint
{
    /// <summary>
    /// Bands per signature. Each band is one stored row and one lookup per article (most of an article's storage
    /// transactions), so there are few: over the news corpus 8 bands of 2 find 62 of the 66 same-story pairs an
    /// exhaustive comparison finds (16 bands of 3: 64), with half the rows and lookups.
    /// </summary>
    public const int BandCount = 8;

    /// <summary>Values per band. With 8 bands of 2, pairs at similarity 0.6 share a band 97% of the time, at 0.4 75%, at 0.1 8%.</summary>
    public const int RowsPerBand = 2;

    /// <summary>Values per signature: more than the bands use, so that the similarity estimate stays close (about ±0.07 at 0.4).</summary>
    public const int Length = 48;

    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 2;

    // Words that carry no story: leaving them out keeps short texts from looking alike just by grammar.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "in", "is", "it", "its",
        "of", "on", "or", "said", "says", "she", "that", "the", "their", "they", "this", "to", "was", "were", "will", "with",
    };

    /// <summary>Distinct title words kept for the title check.</summary>
    public const int MaxTitleWords = 32;

    private readonly uint[] values;
    private readonly uint[] titleWords;

    private StoryFingerprint(uint[] values, uint[] titleWords)
    {
        this.values = values;
        this.titleWords = titleWords;
    }

    /// <summary>True when the text had no words: such articles are never clustered.</summary>
    public bool IsEmpty => Array.TrueForAll(values, v => v == uint.MaxValue);

    /// <summary>Words of the body taken when an article has no summary: about what a feed summary holds.</summary>
    public const int BodyWordsWithoutSummary = 80;

    /// <summary>
    /// The signature of a stored article: its title and summary, or the start of its body when it has no summary.
    /// Full text fetched for teaser feeds is deliberately left out, so a copy with full text still matches a copy without.
    /// </summary>
    public static StoryFingerprint ForArticle(Articles.Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var summary = article.Summary;
        if (string.IsNullOrWhiteSpace(summary) && !string.IsNullOrWhiteSpace(article.Content))
        {
            summary = string.Join(' ', Text.HtmlText.ToPlainText(article.Content)
                .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .Take(BodyWordsWithoutSummary));
        }

        return Compute(article.Title, summary);
    }

    /// <summary>The signature of an article's title and summary.</summary>
    public static StoryFingerprint Compute(string? title, string? summary)
    {
        var titleList = Words(title).ToList();
        var words = titleList.Concat(Words(summary)).ToList();
        var signature = new uint[Length];
        Array.Fill(signature, uint.MaxValue);
        foreach (var shingle in Shingles(words))
        {
            var hash = Hash(shingle);
            for (var i = 0; i < Length; i++)
            {
                // One base hash re-mixed with a per-position seed gives independent-enough hash functions cheaply.
                var value = (uint)(Mix(hash ^ (0x9e3779b97f4a7c15UL * (ulong)(i + 1))) >> 32);
                if (value < signature[i])
                {
                    signature[i] = value;
                }
            }
        }

        var titleHashes = titleList.Select(w => (uint)(Hash(w) >> 32)).Distinct().Order().Take(MaxTitleWords).ToArray();
        return new StoryFingerprint(signature, titleHashes);
    }

    /// <summary>
    /// Whether two articles are copies of one story: similar enough overall, and, when both have titles, sharing at
    /// least <paramref name="minTitleOverlap"/> of the shorter title's words. The title check keeps feeds that put
    /// the same boilerplate summary on every item (seen in real feeds) from merging their different stories.
    /// </summary>
    public bool IsSameStory(StoryFingerprint other, double minSimilarity, double minTitleOverlap)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Similarity(other) >= minSimilarity && TitleOverlap(other) >= minTitleOverlap;
    }

    /// <summary>Shared title words over the shorter title's word count, in [0, 1]; 1 when either title is empty.</summary>
    public double TitleOverlap(StoryFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (titleWords.Length == 0 || other.titleWords.Length == 0)
        {
            return 1;
        }

        var shared = titleWords.Intersect(other.titleWords).Count();
        return (double)shared / Math.Min(titleWords.Length, other.titleWords.Length);
    }

    /// <summary>Estimated Jaccard similarity of the two texts' shingle sets, in [0, 1].</summary>
    public double Similarity(StoryFingerprint other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (IsEmpty || other.IsEmpty)
        {
            return 0;
        }

        var equal = 0;
        for (var i = 0; i < Length; i++)
        {
            if (values[i] == other.values[i])
            {
                equal++;
            }
        }

        return (double)equal / Length;
    }

    /// <summary>One lookup key per band, e.g. <c>b3-5f0c2a9e11d04b7c</c>: letters, digits and dashes only (safe as a table key).</summary>
    public IReadOnlyList<string> BandKeys()
    {
        var keys = new string[BandCount];
        for (var band = 0; band < BandCount; band++)
        {
            var hash = 14695981039346656037UL;
            for (var row = 0; row < RowsPerBand; row++)
            {
                hash = Mix(hash ^ values[(band * RowsPerBand) + row]);
            }

            keys[band] = string.Create(CultureInfo.InvariantCulture, $"b{band}-{hash:x16}");
        }

        return keys;
    }

    /// <summary>The signature followed by the title word hashes, as bytes, for storage.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[(Length + titleWords.Length) * sizeof(uint)];
        for (var i = 0; i < Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), values[i]);
        }

        for (var i = 0; i < titleWords.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((Length + i) * sizeof(uint)), titleWords[i]);
        }

        return bytes;
    }

    /// <summary>Reads a signature written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="ArgumentException">The bytes are not a fingerprint.</exception>
    public static StoryFingerprint FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (!TryFromBytes(bytes, out var fingerprint))
        {
            throw new ArgumentException(
                $"A story fingerprint is {Length * sizeof(uint)} bytes plus at most {MaxTitleWords} four-byte title words, not {bytes.Length} bytes.",
                nameof(bytes));
        }

        return fingerprint!;
    }

    /// <summary>Reads a fingerprint written by <see cref="ToBytes"/>; false for bytes of the wrong shape.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out StoryFingerprint? fingerprint)
    {
        fingerprint = null;
        var extra = bytes.Length - (Length * sizeof(uint));
        if (extra < 0 || extra % sizeof(uint) != 0 || extra / sizeof(uint) > MaxTitleWords)
        {
            return false;
        }

        var values = new uint[Length];
        for (var i = 0; i < Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        }

        var titleWords = new uint[extra / sizeof(uint)];
        for (var i = 0; i < titleWords.Length; i++)
        {
            titleWords[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[((Length + i) * sizeof(uint))..]);
        }

        fingerprint = new StoryFingerprint(values, titleWords);
        return true;
    }

    /// <summary>Lower-case, accent-free words of a text, without stop words.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKD).Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue; // accents and apostrophes belong to the word they are in
            }

            if (word.Length > 0)
            {
                var done = word.ToString();
                word.Clear();
                // Single letters carry no story ("U.S." is "u s" in every other American story): left out, so no band
                // is made of pairs that most texts share. Single digits stay: "Game 1" is not "Game 2".
                if ((done.Length > 1 || char.IsDigit(done[0])) && !StopWords.Contains(done))
                {
                    yield return done;
                }
            }
        }
    }

    private static IEnumerable<string> Shingles(List<string> words)
    {
        if (words.Count < ShingleSize)
        {
            foreach (var word in words)
            {
                yield return word;
            }

            yield break;
        }

        for (var i = 0; i + ShingleSize <= words.Count; i++)
        {
            yield return words[i] + " " + words[i + 1];
        }
    }

    // FNV-1a then SplitMix64: stable across processes (string.GetHashCode is not) and well mixed.
    private static ulong Hash(string feature)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return Mix(hash);
    }

    private static ulong Mix(ulong x)
    {
        x ^= x >> 30;
        x *= 0xbf58476d1ce4e5b9UL;
        x ^= x >> 27;
        x *= 0x94d049bb133111ebUL;
        x ^= x >> 31;
        return x;
    }
}
