using System.Text;
using Alerts.Core.Delivery;
using MimeKit;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Turns a digest into one e-mail: multipart/alternative (text and HTML), grouped by topic, best first, each story
/// once with its other outlets, a one-line summary and why it matched; times in the subscriber's zone; the same
/// headers as an alert (RFC 8058 one-click unsubscribe included).
/// </summary>
internal sealed class DigestEmailComposer(SmtpOptions options, TimeProvider timeProvider)
{
    public MimeMessage Compose(DigestNotification digest, MailboxAddress recipient)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var view = DigestView.From(digest);
        return EmailComposer.Message(options, timeProvider, recipient, $"[Alerts] Digest: {view.Heading}", digest.DigestId, digest.UnsubscribeUrl,
            new BodyBuilder { TextBody = Text(view), HtmlBody = Html(view) });
    }

    private static string Text(DigestView view)
    {
        var text = new StringBuilder();
        text.Append("Your Alerts digest: ").AppendLine(view.Heading).AppendLine();
        foreach (var topic in view.Topics)
        {
            text.Append("== ").Append(topic.Name).AppendLine(" ==").AppendLine();
            foreach (var item in topic.Items)
            {
                text.Append("* ").AppendLine(item.Title);
                text.Append("  ").Append(item.Source).Append(" | ").AppendLine(item.Published);
                if (item.Link is not null)
                {
                    text.Append("  ").AppendLine(item.Link.AbsoluteUri);
                }

                foreach (var line in new[] { item.Developing, item.Summary, item.Why.Length > 0 ? "Why: " + item.Why : "", item.AlsoReportedByLine, item.AlsoMatchesLine })
                {
                    if (!string.IsNullOrEmpty(line))
                    {
                        text.Append("  ").AppendLine(line);
                    }
                }

                text.AppendLine();
            }

            if (topic.Folded > 0)
            {
                text.Append("  ...and ").Append(topic.Folded).AppendLine(" more on this topic").AppendLine();
            }
        }

        text.Append("-- Times are ").Append(view.TimeZone).AppendLine(".");
        ManageFooter.AppendText(text, view.Manage);
        return text.ToString();
    }

    private static string Html(DigestView view)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
            .Append(EmailComposer.Encode(view.Heading))
            .Append("</title></head><body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:680px;margin:0 auto;padding:16px\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 12px\">Your Alerts digest: ").Append(EmailComposer.Encode(view.Heading)).Append("</h1>");
        foreach (var topic in view.Topics)
        {
            html.Append("<h2 style=\"font-size:16px;color:#5c2d91;margin:20px 0 8px\">").Append(EmailComposer.Encode(topic.Name)).Append("</h2><ol style=\"padding-left:20px;margin:0\">");
            foreach (var item in topic.Items)
            {
                html.Append("<li style=\"margin-bottom:12px\"><strong>");
                EmailComposer.AppendLinked(html, item.Title, item.Link);
                html.Append("</strong><br><span style=\"color:#616161;font-size:13px\">")
                    .Append(EmailComposer.Encode(item.Source)).Append(" &middot; ").Append(EmailComposer.Encode(item.Published)).Append("</span>");
                if (item.Developing is not null)
                {
                    html.Append("<br><span style=\"color:#8a3700;font-size:13px;font-weight:600\">").Append(EmailComposer.Encode(item.Developing)).Append("</span>");
                }

                foreach (var (line, style) in new[] { (item.Summary, "color:#1b1b1b"), (item.Why.Length > 0 ? "Why: " + item.Why : "", "color:#424242;font-size:13px"), (item.AlsoReportedByLine, "color:#616161;font-size:13px"), (item.AlsoMatchesLine, "color:#616161;font-size:13px") })
                {
                    if (line.Length > 0)
                    {
                        html.Append("<br><span style=\"").Append(style).Append("\">").Append(EmailComposer.Encode(line)).Append("</span>");
                    }
                }

                html.Append("</li>");
            }

            html.Append("</ol>");
            if (topic.Folded > 0)
            {
                html.Append("<p style=\"margin:4px 0 0;color:#616161;font-size:13px\">…and ").Append(topic.Folded).Append(" more on this topic</p>");
            }
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #e0e0e0;margin:20px 0 8px\"><p style=\"font-size:12px;color:#757575;margin:0\">Times are ")
            .Append(EmailComposer.Encode(view.TimeZone)).Append(". ");
        ManageFooter.AppendHtml(html, view.Manage);

        html.Append("</p></body></html>");
        return html.ToString();
    }
}
