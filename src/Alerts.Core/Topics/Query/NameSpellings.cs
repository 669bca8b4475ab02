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
/// same sound; a name gets every combination of the rules that apply to it. Only words that are not everyday English
/// words get other spellings, and an other spelling that is an everyday word is left out ("Deere" does not find
/// "dire"). Doubled letters are deliberately not a rule: they tell Western names apart ("Lehmann" the goalkeeper,
/// "Lehman" the bank; "McLaren", "McClaren"). Checked over the 7,600 news stories of the evaluation corpus: every pair
/// of capitalised words the rules join there is one name in two spellings (Qaeda/Qaida, Falluja/Fallujah,
/// Barghouti/Barghuti, Gaddafi/Gadhafi, Moqtada/Moktada, Rafiq/Rafik, Yanukovych/Yanukovich, Baquba/Baqouba).
/// </remarks>
public static class NameSpellings
{
    // Shorter words are where the rules would start to join different names.
    private const int MinLength = 5;

    // Endings swapped only on longer names: "Sarah" and "Sara" are two names; "Fallujah" and "Falluja" one.
    private const int MinLengthForEndings = 7;

    private static readonly Rule[] Rules =
    [
        Swap("shch", "sch"),     // Yushchenko, Yuschenko
        new(HasOuBeforeConsonant, word => ReplaceOu(word, toU: true), HasUBetweenConsonants, word => ReplaceOu(word, toU: false)), // Barghouti, Barghuti
        new(word => word.Contains('q'), word => word.Replace('q', 'k'), HasKNotBeforeH, word => ReplaceKNotBeforeH(word)), // Moqtada, Moktada
        Swap("dh", "dd"),        // Gadhafi, Gaddafi
        Swap("ae", "ai"),        // Qaeda, Qaida
        Swap("ee", "i", reverse: false), // Janjaweed, Janjawid
        new(word => word.Length >= MinLengthForEndings && EndsWithConsonantThen(word, "ah"), word => word[..^1],
            word => word.Length >= MinLengthForEndings && EndsWithConsonantThen(word, "a"), word => word + "h"), // Fallujah, Falluja
        new(word => word.EndsWith("ych", StringComparison.Ordinal), word => word[..^3] + "ich",
            word => word.EndsWith("ich", StringComparison.Ordinal), word => word[..^3] + "ych"), // Yanukovych, Yanukovich
    ];

    // A query word with several such names ("Moqtada Barghouti") gets combinations up to this many.
    private const int MaxAlternatives = 16;

    /// <summary>
    /// A query word or phrase as written, with its names in their other spellings ("al-Qaida" for "al-Qaeda"), the
    /// first letter's case kept; empty when none of its words has one. Words in capitals (acronyms) are left as they are.
    /// </summary>
    public static IReadOnlyList<string> InText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var alternatives = new List<string> { text };

        // From the last word to the first, so the positions of the words still to do stay where they were.
        foreach (var (start, length) in LetterRuns(text).Reverse())
        {
            var word = text.Substring(start, length);
            if (!word.Any(char.IsLower))
            {
                continue;
            }

            var spellings = Of(word.ToLowerInvariant()).Select(spelling => char.IsUpper(word[0]) ? char.ToUpperInvariant(spelling[0]) + spelling[1..] : spelling).ToList();
            alternatives = [.. alternatives
                .SelectMany(alternative => spellings.Select(spelling => alternative[..start] + spelling + alternative[(start + length)..]).Prepend(alternative))
                .Take(MaxAlternatives + 1)];
        }

        return alternatives.Skip(1).ToList();
    }

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

    /// <summary>
    /// The other spellings of a folded word (lower case, without accents), none of them an everyday word; empty for an
    /// everyday word, a stop word or a short one.
    /// </summary>
    public static IReadOnlyList<string> Of(string folded)
    {
        ArgumentNullException.ThrowIfNull(folded);
        if (folded.Length < MinLength || !folded.All(char.IsAsciiLetterLower) || OrdinaryWords.Contains(folded) || TextAnalyzer.IsStopWord(folded))
        {
            return [];
        }

        var spellings = new HashSet<string>(StringComparer.Ordinal) { folded };
        foreach (var rule in Rules)
        {
            foreach (var spelling in spellings.ToList())
            {
                if (rule.Apply(spelling) is { } other)
                {
                    spellings.Add(other);
                }
            }
        }

        spellings.Remove(folded);
        return [.. spellings.Where(s => !OrdinaryWords.Contains(s) && !TextAnalyzer.IsStopWord(s)).Order(StringComparer.Ordinal)];
    }

    private static Rule Swap(string one, string other, bool reverse = true) => new(
        word => word.Contains(one, StringComparison.Ordinal),
        word => word.Replace(one, other, StringComparison.Ordinal),
        word => reverse && word.Contains(other, StringComparison.Ordinal),
        word => word.Replace(other, one, StringComparison.Ordinal));

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool EndsWithConsonantThen(string word, string ending) =>
        word.EndsWith(ending, StringComparison.Ordinal) && word.Length > ending.Length && !IsVowel(word[^(ending.Length + 1)]);

    // "ou" before a consonant ("Barghouti", "Youzhny"): not "Louis", where the u starts a syllable.
    private static bool HasOuBeforeConsonant(string word) => Enumerable.Range(0, word.Length - 2).Any(i => IsOuBeforeConsonant(word, i));

    private static bool IsOuBeforeConsonant(string word, int i) => word[i] == 'o' && word[i + 1] == 'u' && !IsVowel(word[i + 2]);

    // A "u" between consonants, not after q ("Barghuti", "Yuzhny"; not "Quinn").
    private static bool HasUBetweenConsonants(string word) => Enumerable.Range(1, word.Length - 2).Any(i => IsUBetweenConsonants(word, i));

    // A y that starts a word is a consonant ("Yuzhny").
    private static bool IsUBetweenConsonants(string word, int i) =>
        word[i] == 'u' && (!IsVowel(word[i - 1]) || i == 1 && word[0] == 'y') && word[i - 1] != 'q' && !IsVowel(word[i + 1]);

    private static string ReplaceOu(string word, bool toU)
    {
        var result = new System.Text.StringBuilder(word.Length + 2);
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
    private static bool HasKNotBeforeH(string word) => Enumerable.Range(0, word.Length).Any(i => word[i] == 'k' && (i == word.Length - 1 || word[i + 1] != 'h'));

    private static string ReplaceKNotBeforeH(string word) =>
        string.Concat(word.Select((c, i) => c == 'k' && (i == word.Length - 1 || word[i + 1] != 'h') ? 'q' : c));

    /// <summary>Two spellings of one sound: where the word has the first, the second is tried, and the other way round.</summary>
    private sealed record Rule(Func<string, bool> HasOne, Func<string, string> ToOther, Func<string, bool> HasOther, Func<string, string> ToOne)
    {
        public string? Apply(string word) => HasOne(word) ? ToOther(word) : HasOther(word) ? ToOne(word) : null;
    }
}
