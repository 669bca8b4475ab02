using System.Globalization;
using Alerts.Core.Feeds;
using Alerts.Core.Text;

namespace Alerts.Infrastructure.Tests.Feeds.Conformance;

/// <summary>The fields Alerts models, which are the ones the conformance test holds the parser to.</summary>
internal enum ConformanceField
{
    FeedTitle,
    FeedLink,
    EntryTitle,
    EntryLink,
    EntryId,
    EntrySummary,
    EntryContent,
    EntryPublished,
    EntryUpdated,
}

/// <summary>One <c>and</c>-separated clause of an <c>Expect:</c> line; <see cref="Field"/> is null when out of scope.</summary>
internal sealed record ExpectClause(string Text, ConformanceField? Field, object? Expected, bool Negated);

/// <summary>Expected date as feedparser's time tuple, of which the first six members (UTC) are compared.</summary>
internal sealed record ExpectedDate(int Year, int Month, int Day, int Hour, int Minute, int Second)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({Year}, {Month}, {Day}, {Hour}, {Minute}, {Second})");
}

/// <summary>
/// Understands the subset of the suite's Python expressions that speaks about modelled fields:
/// <c>path == literal</c> where the path is the feed title or link, or the first entry's title, link, id,
/// summary/description, content value or parsed dates, and the literal a (concatenated) Python string,
/// a time tuple or None. Everything else (bozo flags, encodings, details Alerts does not model, clauses
/// joined by <c>or</c>, function calls) is classified out of scope.
/// </summary>
internal static class ExpectEvaluator
{
    public static List<ExpectClause> Parse(string expression)
    {
        List<ExpectToken> tokens;
        try
        {
            tokens = ExpectTokenizer.Tokenize(expression);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return [new ExpectClause(expression, null, null, false)];
        }

        var clauses = SplitOnAnd(tokens, out var hasOr);
        return clauses.Select(c => hasOr ? new ExpectClause(Describe(c), null, null, false) : Classify(c)).ToList();
    }

    public static (bool Passed, string Detail) Evaluate(ExpectClause clause, FeedParseResult result)
    {
        if (result.Feed is null)
        {
            return (false, $"document refused: {result.Error}");
        }

        var feed = result.Feed;
        var entry = feed.Entries.Count > 0 ? feed.Entries[0] : null;
        var (equal, actual) = clause.Field switch
        {
            ConformanceField.FeedTitle => TextEquals(feed.Title, clause.Expected),
            ConformanceField.FeedLink => ExactEquals(feed.Link, clause.Expected),
            ConformanceField.EntryTitle => TextEquals(entry?.Title, clause.Expected),
            ConformanceField.EntryLink => ExactEquals(entry?.Link, clause.Expected),
            ConformanceField.EntryId => ExactEquals(entry?.Id, clause.Expected),
            ConformanceField.EntrySummary => TextEquals(entry?.Summary, clause.Expected),
            ConformanceField.EntryContent => HtmlTextEquals(entry?.Content, clause.Expected),
            ConformanceField.EntryPublished => DateEquals(entry?.Published, clause.Expected),
            ConformanceField.EntryUpdated => DateEquals(entry?.Updated, clause.Expected),
            _ => throw new InvalidOperationException("out-of-scope clause evaluated"),
        };
        var passed = clause.Negated ? !equal : equal;
        return (passed, $"{clause.Field}: expected {(clause.Negated ? "not " : string.Empty)}{Show(clause.Expected)}, got {Show(actual)}");
    }

    /// <summary>Plain-text fields: equal after whitespace folding, either to the literal or to the text of the expected HTML.</summary>
    private static (bool, object?) TextEquals(string? actual, object? expected)
    {
        if (expected is not string text)
        {
            return (expected is null && actual is null, actual);
        }

        var normalized = Fold(actual);
        return (normalized == Fold(text) || normalized == Fold(HtmlText.ToPlainText(text)), actual);
    }

    /// <summary>Content is sanitised HTML whose markup differs by sanitiser; what must match is the text it shows.</summary>
    private static (bool, object?) HtmlTextEquals(string? actual, object? expected)
    {
        if (expected is not string text)
        {
            return (expected is null && actual is null, actual);
        }

        // Plain-text content (type text/plain) is expected as the literal text it shows.
        var shown = Fold(HtmlText.ToPlainText(actual));
        return (shown == Fold(HtmlText.ToPlainText(text)) || shown == Fold(text), actual);
    }

    private static (bool, object?) ExactEquals(string? actual, object? expected) =>
        (expected is string text ? actual == text : expected is null && actual is null, actual);

    private static (bool, object?) DateEquals(DateTimeOffset? actual, object? expected)
    {
        if (expected is not ExpectedDate date)
        {
            return (expected is null && actual is null, actual);
        }

        var utc = actual?.UtcDateTime;
        var equal = utc is { } u && u.Year == date.Year && u.Month == date.Month && u.Day == date.Day
            && u.Hour == date.Hour && u.Minute == date.Minute && u.Second == date.Second;
        return (equal, utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
    }

    private static string Fold(string? value) => string.Join(' ', (value ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Show(object? value) => value switch
    {
        null => "None",
        string s => "'" + s.Replace("\n", "\\n", StringComparison.Ordinal) + "'",
        _ => value.ToString() ?? string.Empty,
    };

    private static List<List<ExpectToken>> SplitOnAnd(List<ExpectToken> tokens, out bool hasOr)
    {
        hasOr = false;
        var clauses = new List<List<ExpectToken>> { new() };
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Kind == ExpectTokenKind.Symbol && token.Text is "(" or "[" or "{")
            {
                depth++;
            }
            else if (token.Kind == ExpectTokenKind.Symbol && token.Text is ")" or "]" or "}")
            {
                depth--;
            }
            else if (depth == 0 && token is { Kind: ExpectTokenKind.Identifier, Text: "and" })
            {
                clauses.Add([]);
                continue;
            }
            else if (depth == 0 && token is { Kind: ExpectTokenKind.Identifier, Text: "or" })
            {
                hasOr = true;
            }

            clauses[^1].Add(token);
        }

        return clauses.Where(c => c.Count > 0).ToList();
    }

    private static ExpectClause Classify(List<ExpectToken> tokens)
    {
        var text = Describe(tokens);
        while (tokens.Count >= 2 && tokens[0].Text == "(" && tokens[^1].Text == ")" && WrapsWhole(tokens))
        {
            tokens = tokens[1..^1];
        }

        var operators = tokens.Select((t, i) => (t, i)).Where(p => p.t.Kind == ExpectTokenKind.Symbol && p.t.Text is "==" or "!=").ToList();
        if (operators.Count > 1 && operators.All(o => o.t.Text == "=="))
        {
            return ClassifyChain(text, tokens, operators.Select(o => o.i).ToList());
        }

        if (operators.Count != 1)
        {
            return new ExpectClause(text, null, null, false);
        }

        // ord(path) == N states that the field is that single character.
        if (tokens is [{ Text: "ord" }, { Text: "(" }, ..] && tokens[operators[0].i - 1].Text == ")"
            && FieldOf(tokens[2..(operators[0].i - 1)]) is { } ordField && ordField is not (ConformanceField.EntryPublished or ConformanceField.EntryUpdated)
            && tokens[(operators[0].i + 1)..] is [{ Kind: ExpectTokenKind.Number } code])
        {
            return new ExpectClause(text, ordField, char.ConvertFromUtf32(int.Parse(code.Text, CultureInfo.InvariantCulture)), false);
        }

        var at = operators[0].i;
        var left = tokens[..at];
        var right = tokens[(at + 1)..];
        var field = FieldOf(left);
        var valueTokens = right;
        if (field is null)
        {
            field = FieldOf(right);
            valueTokens = left;
        }

        if (field is null || !TryValue(valueTokens, out var value) || !Compatible(field.Value, value))
        {
            return new ExpectClause(text, null, null, false);
        }

        return new ExpectClause(text, field, value, operators[0].t.Text == "!=");
    }

    // a == b == 'literal': the first modelled path among the chain must equal the literal.
    private static ExpectClause ClassifyChain(string text, List<ExpectToken> tokens, List<int> operatorIndexes)
    {
        var segments = new List<List<ExpectToken>>();
        var start = 0;
        foreach (var index in operatorIndexes)
        {
            segments.Add(tokens[start..index]);
            start = index + 1;
        }

        segments.Add(tokens[start..]);
        object? value = null;
        var literal = segments.FirstOrDefault(segment => TryValue(segment, out value));
        var field = segments.Select(FieldOf).FirstOrDefault(f => f is not null);
        return literal is null || field is null || !Compatible(field.Value, value)
            ? new ExpectClause(text, null, null, false)
            : new ExpectClause(text, field, value, false);
    }

    private static bool WrapsWhole(List<ExpectToken> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != ExpectTokenKind.Symbol)
            {
                continue;
            }

            depth += tokens[i].Text switch { "(" => 1, ")" => -1, _ => 0 };
            if (depth == 0 && i < tokens.Count - 1)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Compatible(ConformanceField field, object? value) =>
        field is ConformanceField.EntryPublished or ConformanceField.EntryUpdated ? value is ExpectedDate or null : value is string or null;

    private static ConformanceField? FieldOf(List<ExpectToken> tokens)
    {
        if (tokens.Count == 0 || tokens[0].Kind != ExpectTokenKind.Identifier || tokens[0].Text is not ("feed" or "entries"))
        {
            return null;
        }

        var keys = new List<string>();
        var i = 1;
        while (i < tokens.Count)
        {
            if (tokens[i].Text == "[" && i + 2 < tokens.Count && tokens[i + 2].Text == "]" && tokens[i + 1].Kind is ExpectTokenKind.String or ExpectTokenKind.Number)
            {
                keys.Add(tokens[i + 1].Text);
                i += 3;
            }
            else if (tokens[i].Text == "." && i + 1 < tokens.Count && tokens[i + 1].Kind == ExpectTokenKind.Identifier
                && (i + 2 >= tokens.Count || tokens[i + 2].Text != "("))
            {
                keys.Add(tokens[i + 1].Text);
                i += 2;
            }
            else
            {
                return null;
            }
        }

        var path = string.Join('/', keys);
        if (tokens[0].Text == "feed")
        {
            return path switch
            {
                "title" or "title_detail/value" => ConformanceField.FeedTitle,
                "link" => ConformanceField.FeedLink,
                _ => null,
            };
        }

        if (keys.Count < 2 || keys[0] != "0")
        {
            return null;
        }

        return string.Join('/', keys.Skip(1)) switch
        {
            "title" or "title_detail/value" => ConformanceField.EntryTitle,
            "link" => ConformanceField.EntryLink,
            "id" or "guid" => ConformanceField.EntryId,
            "summary" or "description" or "summary_detail/value" => ConformanceField.EntrySummary,
            "content/0/value" => ConformanceField.EntryContent,
            "published_parsed" or "issued_parsed" => ConformanceField.EntryPublished,
            "updated_parsed" or "modified_parsed" or "date_parsed" => ConformanceField.EntryUpdated,
            _ => null,
        };
    }

    private static bool TryValue(List<ExpectToken> tokens, out object? value)
    {
        value = null;
        if (tokens is [{ Kind: ExpectTokenKind.Identifier, Text: "None" }])
        {
            return true;
        }

        if (tokens.Count > 0 && tokens[0].Kind == ExpectTokenKind.String)
        {
            var text = string.Empty;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (i % 2 == 0 && tokens[i].Kind == ExpectTokenKind.String)
                {
                    text += tokens[i].Text;
                }
                else if (i % 2 == 1 && tokens[i].Text == "+")
                {
                    continue;
                }
                else
                {
                    return false;
                }
            }

            value = text;
            return tokens.Count % 2 == 1;
        }

        if (tokens.Count >= 13 && tokens[0].Text == "(" && tokens[^1].Text == ")")
        {
            var numbers = tokens[1..^1].Where(t => t.Text != ",").ToList();
            if (numbers.Count >= 6 && numbers.All(t => t.Kind == ExpectTokenKind.Number))
            {
                var n = numbers.Select(t => int.Parse(t.Text, CultureInfo.InvariantCulture)).ToArray();
                value = new ExpectedDate(n[0], n[1], n[2], n[3], n[4], n[5]);
                return true;
            }
        }

        return false;
    }

    private static string Describe(List<ExpectToken> tokens) =>
        string.Join(' ', tokens.Select(t => t.Kind == ExpectTokenKind.String ? "'" + t.Text + "'" : t.Text));
}
