using System.Text;

namespace Alerts.Core.Text;

/// <summary>Whitespace folding shared by feed text cleanup and article identity.</summary>
public static class Whitespace
{
    /// <summary>
    /// Folds every run of whitespace into one space and trims both ends. With <paramref name="controlCharactersAreSpace"/>,
    /// control characters count as whitespace too (for hashing, where they must not make two texts differ).
    /// </summary>
    public static string Collapse(string text, bool controlCharactersAreSpace = false)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || (controlCharactersAreSpace && char.IsControl(c)))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
