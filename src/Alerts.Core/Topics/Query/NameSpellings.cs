using System.Text;
using Alerts.Core.Entities;
using Alerts.Core.Text;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// The other spellings the English-language press gives a name written in another alphabet: "Barghouti" and
/// "Barghuti", "al-Qaeda" and "al-Qaida", "Fallujah" and "Falluja", "Gaddafi" and "Gadhafi", "Moqtada" and
/// "Moktada", "Yanukovych" and "Yanukovich", "Yushchenko" and "Yuschenko". A query names a person or place one way;
/// the wires write it another, and the story is missed without a word of warning.
/// </summary>
/// <remarks>
/// Each rule swaps one pair of letter groups that transliterations of Arabic, Persian and Russian names use for the
/// same sound. Only words written as names get other spellings (a capital, then lower case, and no everyday word: a
/// lower-case query word matches all its endings, so "seeded" would find "side" through "sided"). The swaps that also
/// join Western names (ou and u: Houston, Huston; ae and ai: Saenz, Sainz; k to q: Kuang, Quang) are made only in a
/// name that shows another mark of transliteration (q, kh, zh, dh, shch, or gh after a consonant): Barghouti, Youzhny,
/// Qaeda; not Houghton, whose "gh" is English. An other spelling that is an everyday word or a known given name is
/// left out ("Deere" does not find "dire"), and one matches only where the article writes it with a capital
/// ("Savannah" does not find "savanna"). Doubled letters are deliberately no rule: they tell Western names apart
/// ("Lehmann" the goalkeeper, "Lehman" the bank). Checked over the 7,600 news stories of the evaluation corpus: every
/// pair of capitalised words the rules join there is one name in two spellings.
/// </remarks>
public static class NameSpellings
{
    // Shorter words are where the rules would start to join different names.
    private const int MinLength = 5;

    // Endings swapped only on longer names: "Sarah" and "Sara" are two names; "Fallujah" and "Falluja" one.
    private const int MinLengthForEndings = 7;

    // A query word with several such names ("Yushchenko Yanukovych Kuchma") gets combinations up to this many, those
    // made with the fewest swaps first.
    private const int MaxAlternatives = 16;

    // Marks of a transliteration; "gh" is one too after a consonant (Barghouti, Afghan), not after a vowel as in English
    // names (Houghton, Vaughan).
    private static readonly string[] TransliterationMarks = ["q", "kh", "zh", "dh", "shch"];

    private static readonly Rule[] Rules =
    [
        Swap("shch", "sch"),                                                                            // Yushchenko, Yuschenko
        new(HasOuBeforeConsonant, word => ReplaceOu(word, toU: true), HasUBetweenConsonants, word => ReplaceOu(word, toU: false), MarkedOnly: true), // Barghouti, Barghuti
        new(word => word.Contains('q'), word => word.Replace('q', 'k'), HasKNotBeforeH, ReplaceKNotBeforeH, MarkedOnlyBack: true), // Moqtada, Moktada
        Swap("dh", "dd"),                                                                               // Gadhafi, Gaddafi
        Swap("ae", "ai", markedOnly: true),                                                             // Qaeda, Qaida
        new(word => word.Length >= MinLengthForEndings && EndsWithConsonantThen(word, "ah"), word => word[..^1],
            word => word.Length >= MinLengthForEndings && EndsWithConsonantThen(word, "a"), word => word + "h"), // Fallujah, Falluja
        new(word => word.EndsWith("ych", StringComparison.Ordinal), word => word[..^3] + "ich",
            word => word.EndsWith("ich", StringComparison.Ordinal), word => word[..^3] + "ych"),         // Yanukovych, Yanukovich
    ];

    /// <summary>
    /// A query word or phrase as written, with its names in their other spellings ("al-Qaida" for "al-Qaeda"), a
    /// name's capital kept; empty when none of its words is a name that has one.
    /// </summary>
    public static IReadOnlyList<string> InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alternatives = new List<string> { text };

        // From the last word to the first, so the positions of the words still to do stay where they were.
        foreach (var (start, length) in LetterRuns(text).Reverse())
        {
            var word = text.Substring(start, length);
            if (!IsWrittenAsName(word))
            {
                continue;
            }

            // Folded by the analysis that reads queries and articles (lower case, accents gone), as names' forms are.
            var spellings = (TextAnalyzer.Analyze(word) is [var folded] ? Of(folded.Surface) : []).Select(spelling => char.ToUpperInvariant(spelling[0]) + spelling[1..]).ToList();
            alternatives = [.. alternatives
                .SelectMany(alternative => spellings.Select(spelling => alternative[..start] + spelling + alternative[(start + length)..]).Prepend(alternative))
                .Take(MaxAlternatives + 1)];
        }

        return alternatives.Skip(1).ToList();
    }

    /// <summary>
    /// The other spellings of a folded name (lower case, without accents), fewest swaps first, none of them an everyday
    /// word or a given name; empty for an everyday word or a short one.
    /// </summary>
    public static IReadOnlyList<string> Of(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Length < MinLength || !folded.All(char.IsAsciiLetterLower) || OrdinaryWords.Contains(folded))
        {
            return [];
        }

        var isMarked = TransliterationMarks.Any(mark => folded.Contains(mark, StringComparison.Ordinal)) || HasGhAfterConsonant(folded);
        var swaps = new Dictionary<string, int>(StringComparer.Ordinal) { [folded] = 0 };
        foreach (var rule in Rules)
        {
            foreach (var (spelling, count) in swaps.ToList())
            {
                if (rule.Apply(spelling, isMarked) is { } other)
                {
                    swaps.TryAdd(other, count + 1);
                }
            }
        }

        return [.. swaps
            .Where(s => s.Key != folded && !OrdinaryWords.Contains(s.Key) && !PersonNames.IsGivenName(char.ToUpperInvariant(s.Key[0]) + s.Key[1..]))
            .OrderBy(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => s.Key)];
    }

    // A capital, then lower case ("Barghouti", "Qaeda"): how the query language tells a name (see QueryParser).
    private static bool IsWrittenAsName(string word) => word.Length > 1 && char.IsUpper(word[0]) && char.IsLower(word[1]);

    private static IEnumerable<(int Start, int Length)> LetterRuns(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isLetter = i < text.Length && char.IsLetter(text[i]);
            if (isLetter && start < 0)
            {
                start = i;
            }
            else if (!isLetter && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
        }
    }

    private static Rule Swap(string one, string other, bool markedOnly = false) => new(
        word => word.Contains(one, StringComparison.Ordinal),
        word => word.Replace(one, other, StringComparison.Ordinal),
        word => word.Contains(other, StringComparison.Ordinal),
        word => word.Replace(other, one, StringComparison.Ordinal),
        MarkedOnly: markedOnly);

    private static bool HasGhAfterConsonant(string word) =>
        Enumerable.Range(1, word.Length - 2).Any(i => word[i] == 'g' && word[i + 1] == 'h' && !IsVowel(word[i - 1]));

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool EndsWithConsonantThen(string word, string ending) =>
        word.EndsWith(ending, StringComparison.Ordinal) && word.Length > ending.Length && !IsVowel(word[^(ending.Length + 1)]);

    // "ou" before a consonant ("Barghouti", "Youzhny"): not "Louis", where the u starts a syllable.
    private static bool HasOuBeforeConsonant(string word) => Enumerable.Range(0, word.Length - 2).Any(i => IsOuBeforeConsonant(word, i));

    private static bool IsOuBeforeConsonant(string word, int i) => word[i] == 'o' && word[i + 1] == 'u' && !IsVowel(word[i + 2]);

    // A "u" between consonants, not after q ("Barghuti", "Yuzhny"; not "Quinn"); a y that starts a word is a consonant.
    private static bool HasUBetweenConsonants(string word) => Enumerable.Range(1, word.Length - 2).Any(i => IsUBetweenConsonants(word, i));

    private static bool IsUBetweenConsonants(string word, int i) =>
        word[i] == 'u' && (!IsVowel(word[i - 1]) || (i == 1 && word[0] == 'y')) && word[i - 1] != 'q' && !IsVowel(word[i + 1]);

    private static string ReplaceOu(string word, bool toU)
    {
        var result = new StringBuilder(word.Length + 2);
        for (var i = 0; i < word.Length; i++)
        {
            if (toU && i < word.Length - 2 && IsOuBeforeConsonant(word, i))
            {
                continue; // drop the o
            }

            if (!toU && i > 0 && i < word.Length - 1 && IsUBetweenConsonants(word, i))
            {
                result.Append('o');
            }

            result.Append(word[i]);
        }

        return result.ToString();
    }

    // A "k" that is no "kh" ("Kurei" for "Qurei"; "Kazakhstan" keeps its kh).
    private static bool HasKNotBeforeH(string word) => Enumerable.Range(0, word.Length).Any(i => IsKNotBeforeH(word, i));

    private static bool IsKNotBeforeH(string word, int i) => word[i] == 'k' && (i == word.Length - 1 || word[i + 1] != 'h');

    private static string ReplaceKNotBeforeH(string word) => string.Concat(word.Select((c, i) => IsKNotBeforeH(word, i) ? 'q' : c));

    /// <summary>
    /// Two spellings of one sound: where the word has the first, the second is tried, and the other way round. Some
    /// swaps are made only in names marked as transliterations, both ways or only back from the second spelling.
    /// </summary>
    private sealed record Rule(
        Func<string, bool> HasOne,
        Func<string, string> ToOther,
        Func<string, bool> HasOther,
        Func<string, string> ToOne,
        bool MarkedOnly = false,
        bool MarkedOnlyBack = false)
    {
        public string? Apply(string word, bool isMarked)
        {
            if (MarkedOnly && !isMarked)
            {
                return null;
            }

            return HasOne(word) ? ToOther(word)
                : HasOther(word) && (isMarked || !MarkedOnlyBack) ? ToOne(word)
                : null;
        }
    }
}
