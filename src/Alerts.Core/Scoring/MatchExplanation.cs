using System.Globalization;
using System.Text;

namespace Alerts.Core.Scoring;

/// <summary>Readable "why you got this" text for a match: used by <c>alerts score --explain</c>, e-mails and cards.</summary>
public static class MatchExplanation
{
    /// <summary>One line with the verdict, then one line per evidence item with its snippet under it.</summary>
    public static string ToText(TopicMatch match, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(match);
        var text = new StringBuilder();
        text.Append(indent)
            .Append(match.Alert ? "ALERT" : "below")
            .Append(' ')
            .Append(match.Score.ToString("0.000", CultureInfo.InvariantCulture))
            .Append("  ")
            .Append(match.TopicId)
            .Append(" (")
            .Append(match.TopicName)
            .Append(")\n");
        foreach (var evidence in match.Evidence)
        {
            text.Append(indent).Append("    ").Append(evidence.Kind.PadRight(10)).Append(' ').Append(evidence.Description).Append('\n');
            if (evidence.Snippet is { Length: > 0 } snippet)
            {
                text.Append(indent).Append("               ").Append(snippet).Append('\n');
            }
        }

        return text.ToString();
    }
}
