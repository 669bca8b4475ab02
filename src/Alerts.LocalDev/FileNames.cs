using System.Globalization;
using System.Text;

namespace Alerts.LocalDev;

/// <summary>Builds file names for saved payloads that sort by arrival and cannot escape the output folder.</summary>
internal static class FileNames
{
    private const int MaxSlugLength = 48;

    public static string ForArrival(DateTimeOffset receivedAt, int sequence, string? hint)
    {
        var stamp = receivedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
        var slug = Slug(hint);
        return slug.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{stamp}-{sequence:D4}")
            : string.Create(CultureInfo.InvariantCulture, $"{stamp}-{sequence:D4}-{slug}");
    }

    // Subjects and paths come from the peer and may be hostile: keep ASCII letters and digits only.
    private static string Slug(string? hint)
    {
        if (string.IsNullOrWhiteSpace(hint))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(MaxSlugLength);
        var pendingDash = false;
        foreach (var c in hint.Normalize(NormalizationForm.FormD))
        {
            if (builder.Length >= MaxSlugLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                pendingDash = true;
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
