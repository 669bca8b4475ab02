using System.Globalization;
using System.Numerics;
using System.Text;

namespace Alerts.Core.Ingestion;

/// <summary>
/// 64-bit SimHash (Charikar) over word shingles of an article's normalised title and summary. Texts that share most
/// shingles get fingerprints a few bits apart, so "the same story, slightly edited" becomes "Hamming distance &lt;= k".
/// </summary>
public static class SimHash
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 2;

    // Words that carry no story: leaving them out keeps short texts from looking alike just by grammar.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "have", "he", "in", "is", "it", "its",
        "of", "on", "or", "said", "says", "she", "that", "the", "their", "they", "this", "to", "was", "were", "will", "with",
    };

    /// <summary>The fingerprint of an article's title and summary.</summary>
    public static ulong Compute(string? title, string? summary) => Compute(Words(title).Concat(Words(summary)).ToList());

    /// <summary>The fingerprint of a word sequence (already normalised).</summary>
    public static ulong Compute(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        Span<int> weights = stackalloc int[64];
        weights.Clear();
        var features = 0;
        foreach (var feature in Shingles(words))
        {
            var hash = Hash(feature);
            for (var bit = 0; bit < 64; bit++)
            {
                weights[bit] += ((hash >> bit) & 1) == 1 ? 1 : -1;
            }

            features++;
        }

        if (features == 0)
        {
            return 0;
        }

        ulong fingerprint = 0;
        for (var bit = 0; bit < 64; bit++)
        {
            if (weights[bit] > 0)
            {
                fingerprint |= 1UL << bit;
            }
        }

        return fingerprint;
    }

    /// <summary>Number of differing bits.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    /// <summary>
    /// Splits a fingerprint into <paramref name="bandCount"/> bands. With k+1 bands, two fingerprints within
    /// distance k agree exactly on at least one band (pigeonhole), so bands are exact-match lookup keys.
    /// </summary>
    public static IReadOnlyList<(int Band, ulong Value)> Bands(ulong fingerprint, int bandCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bandCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandCount, 64);
        var bands = new (int, ulong)[bandCount];
        var start = 0;
        for (var band = 0; band < bandCount; band++)
        {
            var width = (64 - start) / (bandCount - band);
            var mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
            bands[band] = (band, (fingerprint >> start) & mask);
            start += width;
        }

        return bands;
    }

    /// <summary>Lower-case, accent-free words of a text, without stop words.</summary>
    public static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield break;
        }

        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var word = new StringBuilder();
        foreach (var c in decomposed.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019')
            {
                continue; // accents and apostrophes join the word they belong to
            }

            if (word.Length > 0)
            {
                var done = word.ToString();
                word.Clear();
                if (!StopWords.Contains(done))
                {
                    yield return done;
                }
            }
        }
    }

    private static IEnumerable<string> Shingles(IReadOnlyList<string> words)
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
            yield return string.Join(' ', words.Skip(i).Take(ShingleSize));
        }
    }

    // FNV-1a then the SplitMix64 finaliser: stable across processes (string.GetHashCode is not) and well mixed.
    private static ulong Hash(string feature)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in feature)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        hash ^= hash >> 31;
        return hash;
    }
}
