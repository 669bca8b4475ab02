using System.Globalization;
using System.Text;

namespace Alerts.Infrastructure.Tests.Feeds.Conformance;

internal enum ExpectTokenKind
{
    String,
    Number,
    Identifier,
    Symbol,
}

internal sealed record ExpectToken(ExpectTokenKind Kind, string Text);

/// <summary>Tokenises the Python expressions of the conformance suite's <c>Expect:</c> lines.</summary>
internal static class ExpectTokenizer
{
    public static List<ExpectToken> Tokenize(string expression)
    {
        var tokens = new List<ExpectToken>();
        var i = 0;
        while (i < expression.Length)
        {
            var c = expression[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (IsStringStart(expression, i, out var prefixLength))
            {
                var raw = expression.AsSpan(i, prefixLength).Contains('r') || expression.AsSpan(i, prefixLength).Contains('R');
                i += prefixLength;
                tokens.Add(new ExpectToken(ExpectTokenKind.String, ReadString(expression, ref i, raw)));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < expression.Length && char.IsAsciiDigit(expression[i + 1]) && PreviousAllowsSign(tokens)))
            {
                var start = i++;
                while (i < expression.Length && (char.IsAsciiDigit(expression[i]) || expression[i] is '.' or 'e' or 'L'))
                {
                    i++;
                }

                tokens.Add(new ExpectToken(ExpectTokenKind.Number, expression[start..i].TrimEnd('L')));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < expression.Length && (char.IsAsciiLetterOrDigit(expression[i]) || expression[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new ExpectToken(ExpectTokenKind.Identifier, expression[start..i]));
            }
            else
            {
                var two = i + 1 < expression.Length ? expression.Substring(i, 2) : null;
                if (two is "==" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new ExpectToken(ExpectTokenKind.Symbol, two));
                    i += 2;
                }
                else
                {
                    tokens.Add(new ExpectToken(ExpectTokenKind.Symbol, c.ToString()));
                    i++;
                }
            }
        }

        return tokens;
    }

    private static bool PreviousAllowsSign(List<ExpectToken> tokens) =>
        tokens.Count == 0 || tokens[^1] is { Kind: ExpectTokenKind.Symbol, Text: "(" or "," or "==" or "!=" or "[" };

    private static bool IsStringStart(string s, int i, out int prefixLength)
    {
        prefixLength = 0;
        while (i + prefixLength < s.Length && prefixLength < 2 && s[i + prefixLength] is 'u' or 'U' or 'b' or 'B' or 'r' or 'R')
        {
            prefixLength++;
        }

        if (i + prefixLength < s.Length && s[i + prefixLength] is '\'' or '"')
        {
            // A prefix only counts when it is not the tail of an identifier.
            return prefixLength == 0 || i == 0 || !(char.IsAsciiLetterOrDigit(s[i - 1]) || s[i - 1] == '_');
        }

        prefixLength = 0;
        return false;
    }

    private static string ReadString(string s, ref int i, bool raw)
    {
        var quote = s[i];
        var triple = i + 2 < s.Length && s[i + 1] == quote && s[i + 2] == quote;
        i += triple ? 3 : 1;
        var builder = new StringBuilder();
        while (i < s.Length)
        {
            if (triple ? string.CompareOrdinal(s, i, new string(quote, 3), 0, 3) == 0 : s[i] == quote)
            {
                i += triple ? 3 : 1;
                return builder.ToString();
            }

            if (s[i] == '\\' && i + 1 < s.Length)
            {
                if (raw)
                {
                    builder.Append(s[i]).Append(s[i + 1]);
                    i += 2;
                    continue;
                }

                i++;
                var e = s[i++];
                switch (e)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case '0' when i >= s.Length || !char.IsAsciiDigit(s[i]): builder.Append('\0'); break;
                    case 'x': builder.Append((char)int.Parse(s.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 2; break;
                    case 'u': builder.Append((char)int.Parse(s.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 4; break;
                    case 'U': builder.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 8; break;
                    case '\n': break;
                    case '\\' or '\'' or '"': builder.Append(e); break;
                    default:
                        if (e is >= '0' and <= '7')
                        {
                            var start = i - 1;
                            while (i < s.Length && i - start < 3 && s[i] is >= '0' and <= '7')
                            {
                                i++;
                            }

                            builder.Append((char)Convert.ToInt32(s[start..i], 8));
                        }
                        else
                        {
                            builder.Append('\\').Append(e);
                        }

                        break;
                }

                continue;
            }

            builder.Append(s[i++]);
        }

        throw new FormatException("unterminated string literal");
    }
}
