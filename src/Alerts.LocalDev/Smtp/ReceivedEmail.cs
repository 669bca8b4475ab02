using MimeKit;

namespace Alerts.LocalDev.Smtp;

/// <summary>One message the SMTP sink accepted, as parsed and as saved to disk.</summary>
/// <param name="Sequence">1-based arrival number within this sink.</param>
/// <param name="Sender">The envelope sender (MAIL FROM).</param>
/// <param name="Recipients">The envelope recipients (RCPT TO) that were accepted.</param>
/// <param name="Message">The message as MimeKit parsed it.</param>
/// <param name="EmlPath">Where the raw message was saved.</param>
/// <param name="HtmlPath">Where the HTML body was saved, when the message had one.</param>
/// <param name="ReceivedAt">When the sink accepted it.</param>
public sealed record ReceivedEmail(
    int Sequence,
    string Sender,
    IReadOnlyList<string> Recipients,
    MimeMessage Message,
    string EmlPath,
    string? HtmlPath,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The decoded Subject header.</summary>
    public string Subject => Message.Subject ?? string.Empty;

    /// <summary>The text/plain body, when there is one.</summary>
    public string? TextBody => Message.TextBody;

    /// <summary>The text/html body, when there is one.</summary>
    public string? HtmlBody => Message.HtmlBody;
}
