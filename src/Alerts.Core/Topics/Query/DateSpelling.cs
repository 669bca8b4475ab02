using System.Globalization;

namespace Alerts.Core.Topics.Query;

/// <summary>
/// A day of the year written the ways the press writes it: "September 11", "Sept. 11", "Sep 11", "11 September" and
/// "September 11th" are one date, and a topic that quotes one of them means them all (wire copy abbreviates most
/// months before a day, "Nov. 2" or Reuters' "Nov 2", and British copy puts the day first, so a phrase written one
/// way would miss about half the stories that name its date). "9/11" written in a query is that date too; the
/// figures are not added to a date written in words, because the analyser reads "9/11" as the numbers 9 and 11,
/// which a score ("won 9-11") is as well.
/// </summary>
public static class DateSpelling
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    // The abbreviations the press sets before a day, by month; March, May, June and July are short enough to be written
    // out, though some copy shortens June and July too ("Mar" is also the verb: "could mar 10 days").
    private static readonly string[][] Abbreviations =
    [
        ["Jan"], ["Feb"], [], ["Apr"], [], ["Jun"], ["Jul"], ["Aug"], ["Sept", "Sep"], ["Oct"], ["Nov"], ["Dec"],
    ];

    private static readonly Dictionary<string, int> MonthByWord = MonthWords();

    /// <summary>Whether a word, in any case, is a month's name or the press's abbreviation of it ("September", "Sept").</summary>
    public static bool IsMonth(string word) => MonthByWord.ContainsKey(word);

    /// <summary>
    /// The phrase's other spellings of the first date it holds (a month, written out or abbreviated, beside a day
    /// number, either way round, or a month and day in figures, "9/11"), in words, the rest of the phrase kept; none
    /// when it holds no date.
    /// </summary>
    public static IReadOnlyList<string> Others(string phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            if (DateAt(words, i) is not var (month, day, length))
            {
                continue;
            }

            var before = string.Join(' ', words[..i]);
            var after = string.Join(' ', words[(i + length)..]);
            // As the analyser reads it: "Nov. 2" and "(Nov 2" are "Nov 2", which needs no second phrase.
            var written = string.Join(' ', words[i..(i + length)]).Replace(".", string.Empty, StringComparison.Ordinal).Trim('(', ')', ',');
            return [.. SpellingsOf(month, day)
                .Where(date => !date.Equals(written, StringComparison.OrdinalIgnoreCase))
                .Select(date => string.Join(' ', new[] { before, date, after }.Where(part => part.Length > 0)))];
        }

        return [];
    }

    // The month written out or abbreviated, the day plain or with its ordinal ending, the day first or last; but March
    // and May, which are verbs too, only before the day: "10 march on the capital", "as many as 5 may have died".
    private static IEnumerable<string> SpellingsOf(int month, int day)
    {
        var ordinal = day + OrdinalSuffix(day);
        var dayFirst = month is not (3 or 5);
        foreach (var monthWord in Abbreviations[month - 1].Prepend(MonthNames[month - 1]))
        {
            yield return $"{monthWord} {day}";
            yield return $"{monthWord} {ordinal}";
            if (dayFirst)
            {
                yield return $"{day} {monthWord}";
                yield return $"{ordinal} {monthWord}";
            }
        }
    }

    // The month (1-12), the day and how many words the date takes at words[i], or null.
    private static (int Month, int Day, int Length)? DateAt(string[] words, int i)
    {
        if (InFigures(words[i]) is { } figures)
        {
            return (figures.Month, figures.Day, 1);
        }

        if (i + 1 >= words.Length)
        {
            return null;
        }

        if (Month(words[i]) is { } month && Day(words[i + 1]) is { } day && IsDayOf(month, day))
        {
            return (month, day, 2);
        }

        return Day(words[i]) is { } firstDay && Month(words[i + 1]) is { } laterMonth && IsDayOf(laterMonth, firstDay)
            ? (laterMonth, firstDay, 2)
            : null;
    }

    // "9/11": a month and a day in figures, the American order; the day in two figures, since "1/2" or "3/4" is
    // more often a fraction.
    private static (int Month, int Day)? InFigures(string word)
    {
        var parts = word.TrimEnd(',', '.').Split('/');
        return parts is [var m, var d] && IsNumber(m) && d.Length == 2 && IsNumber(d)
            && int.Parse(m, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12
            && int.Parse(d, CultureInfo.InvariantCulture) is var day && IsDayOf(month, day)
            ? (month, day)
            : null;
    }

    private static int? Month(string word) => MonthByWord.TryGetValue(word.TrimStart('(').TrimEnd('.', ','), out var month) ? month : null;

    // "11", "11th", "11," ("September 11, 2001").
    private static int? Day(string word)
    {
        var digits = word.TrimStart('(').TrimEnd(',', '.', ')');
        if (digits.Length > 2 && digits[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th")
        {
            digits = digits[..^2];
        }

        return IsNumber(digits) ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
    }

    private static bool IsNumber(string text) => text.Length is 1 or 2 && text.All(char.IsAsciiDigit);

    private static bool IsDayOf(int month, int day) => day >= 1 && day <= DateTime.DaysInMonth(2004, month);

    private static string OrdinalSuffix(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    private static Dictionary<string, int> MonthWords()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var m = 0; m < 12; m++)
        {
            words[MonthNames[m]] = m + 1;
            foreach (var abbreviation in Abbreviations[m])
            {
                words[abbreviation] = m + 1;
            }
        }

        return words;
    }
}
