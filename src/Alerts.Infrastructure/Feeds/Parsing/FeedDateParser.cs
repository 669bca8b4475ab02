using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Infrastructure.Feeds.Parsing;

/// <summary>
/// Reads the dates feeds actually publish: RFC 822/1123 and their variants (two-digit years, missing
/// weekday or seconds, zone names and military letters, extra commas), ISO 8601 / W3C-DTF (partial dates,
/// compact forms, space instead of T, fractional seconds), asctime, and a few broken forms seen in the
/// wild. A date without a zone is taken as UTC. Anything unreadable gives null, never an exception.
/// </summary>
internal static partial class FeedDateParser
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    private static readonly Dictionary<string, int> ZoneHours = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        ["A"] = -1, ["M"] = -12, ["N"] = 1, ["Y"] = 12,
        ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["EET"] = 2, ["EEST"] = 3, ["IST"] = 5,
        ["JST"] = 9, ["AEST"] = 10, ["AEDT"] = 11, ["HST"] = -10, ["AKST"] = -9, ["AKDT"] = -8,
    };

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length > 100)
        {
            return null;
        }

        return ParseIso(text) ?? ParseRfc822(text) ?? ParseAsctime(text) ?? ParseFallback(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = IsoDate().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"]);
        var month = m.Groups["m"].Success ? Int(m.Groups["m"]) : 1;
        var day = m.Groups["d"].Success ? Int(m.Groups["d"]) : 1;
        if (m.Groups["ord"].Success)
        {
            var ordinal = Int(m.Groups["ord"]);
            return Build(year, 1, 1, 0, 0, 0, 0, TimeSpan.Zero)?.AddDays(ordinal - 1) is { } o && ordinal is >= 1 and <= 366
                ? AddTime(o, m) : null;
        }

        var hour = m.Groups["H"].Success ? Int(m.Groups["H"]) : 0;
        var minute = m.Groups["M"].Success ? Int(m.Groups["M"]) : 0;
        var second = m.Groups["S"].Success ? Int(m.Groups["S"]) : 0;
        var fraction = m.Groups["f"].Success ? Fraction(m.Groups["f"].Value) : 0;
        var offset = m.Groups["zone"].Success ? IsoOffset(m.Groups["zone"].Value) : TimeSpan.Zero;
        return offset is null ? null : Build(year, month, day, hour, minute, second, fraction, offset.Value);
    }

    private static DateTimeOffset? AddTime(DateTimeOffset date, Match m)
    {
        var hour = m.Groups["H"].Success ? Int(m.Groups["H"]) : 0;
        var minute = m.Groups["M"].Success ? Int(m.Groups["M"]) : 0;
        var second = m.Groups["S"].Success ? Int(m.Groups["S"]) : 0;
        var offset = m.Groups["zone"].Success ? IsoOffset(m.Groups["zone"].Value) : TimeSpan.Zero;
        return offset is null ? null : Build(date.Year, date.Month, date.Day, hour, minute, second, 0, offset.Value);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822Date().Match(text);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value[..3], out var month))
        {
            return null;
        }

        var day = Int(m.Groups["d"]);
        var year = TwoDigitYear(m.Groups["y"].Value);
        var hour = m.Groups["H"].Success ? Int(m.Groups["H"]) : 0;
        var minute = m.Groups["M"].Success ? Int(m.Groups["M"]) : 0;
        var second = m.Groups["S"].Success ? Int(m.Groups["S"]) : 0;
        var offset = m.Groups["zone"].Success ? ZoneOffset(m.Groups["zone"].Value) : TimeSpan.Zero;
        return offset is null ? null : Build(year, month, day, hour, minute, second, 0, offset.Value);
    }

    // "Thu Jan  1 19:48:21 2004" and "Thu Jan 01 2004 19:48:21 GMT+0000".
    private static DateTimeOffset? ParseAsctime(string text)
    {
        var m = AsctimeDate().Match(text);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value[..3], out var month))
        {
            return null;
        }

        var offset = m.Groups["zone"].Success ? ZoneOffset(m.Groups["zone"].Value) : TimeSpan.Zero;
        return offset is null
            ? null
            : Build(Int(m.Groups["y"]), month, Int(m.Groups["d"]), Int(m.Groups["H"]), Int(m.Groups["M"]),
                m.Groups["S"].Success ? Int(m.Groups["S"]) : 0, 0, offset.Value);
    }

    private static DateTimeOffset? ParseFallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? parsed
            : null;

    private static TimeSpan? IsoOffset(string zone)
    {
        if (zone is "Z" or "z")
        {
            return TimeSpan.Zero;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var hours = int.Parse(digits[..2], CultureInfo.InvariantCulture);
        var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }

    private static TimeSpan? ZoneOffset(string zone)
    {
        zone = zone.Trim();
        if (ZoneHours.TryGetValue(zone, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        var numeric = NumericZone().Match(zone);
        if (!numeric.Success)
        {
            return TimeSpan.Zero; // An unknown zone name still leaves a usable date.
        }

        var sign = numeric.Groups["sign"].Value == "-" ? -1 : 1;
        var digits = numeric.Groups["digits"].Value.Replace(":", string.Empty, StringComparison.Ordinal);
        var h = int.Parse(digits.Length <= 2 ? digits : digits[..^2], CultureInfo.InvariantCulture);
        var mm = digits.Length > 2 ? int.Parse(digits[^2..], CultureInfo.InvariantCulture) : 0;
        return h > 14 || mm > 59 ? null : sign * new TimeSpan(h, mm, 0);
    }

    private static int TwoDigitYear(string year)
    {
        var value = int.Parse(year, CultureInfo.InvariantCulture);
        return year.Length switch
        {
            2 => value < 70 ? 2000 + value : 1900 + value,
            3 => 1900 + value,
            _ => value,
        };
    }

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, double fraction, TimeSpan offset)
    {
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 24 || minute > 59 || second > 60)
        {
            return null;
        }

        // 24:00 and leap seconds roll over instead of being refused.
        var extra = TimeSpan.Zero;
        if (hour == 24)
        {
            hour = 0;
            extra += TimeSpan.FromDays(1);
        }

        if (second == 60)
        {
            second = 59;
            extra += TimeSpan.FromSeconds(1);
        }

        try
        {
            var local = new DateTimeOffset(year, month, day, hour, minute, second, offset) + extra + TimeSpan.FromSeconds(fraction);
            return local.ToUniversalTime();
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    private static double Fraction(string digits) =>
        double.Parse("0." + digits[..Math.Min(digits.Length, 7)], CultureInfo.InvariantCulture);

    [GeneratedRegex("""^(?<y>\d{4})(?:-?(?:(?<ord>\d{3})|(?<m>\d{2})(?:-?(?<d>\d{2}))?))?(?:(?:[Tt]|\s+)(?<H>\d{2}):?(?<M>\d{2})(?::?(?<S>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<zone>[Zz]|[+\-]\d{2}(?::?\d{2})?)?$""", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex("""^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s\-/,]+(?<mon>[A-Za-z]{3,})\.?[\s\-/,]+(?<y>\d{2,4}),?(?:[\sT]+(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?(?:\.\d+)?)?\s*(?<zone>(?:[A-Za-z]{1,5})?\s*[+\-]?\d{1,2}:?\d{2}|[A-Za-z]{1,5})?\.?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Date();

    [GeneratedRegex("""^(?:[A-Za-z]+,?\s+)?(?<mon>[A-Za-z]{3,})\.?\s+(?<d>\d{1,2}),?\s+(?:(?<y>\d{4})\s+(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?|(?<H>\d{1,2}):(?<M>\d{2})(?::(?<S>\d{2}))?\s+(?:(?<zone>[A-Za-z]{1,5})\s+)?(?<y>\d{4}))\s*(?<zone>[A-Za-z]{1,5}(?:[+\-]\d{2}:?\d{2})?|[+\-]\d{2}:?\d{2})?\s*$""", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimeDate();

    [GeneratedRegex("""(?<sign>[+\-])?(?<digits>\d{1,2}:?\d{2}|\d{1,2})$""", RegexOptions.CultureInvariant)]
    private static partial Regex NumericZone();
}
