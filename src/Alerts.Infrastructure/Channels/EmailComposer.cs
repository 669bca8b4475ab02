using System.Net;
using System.Text;
using Alerts.Core.Delivery;
using Alerts.Core.Text;
using MimeKit;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Turns an alert into the e-mail a subscriber reads: multipart/alternative with a text and an HTML part, the
/// headers bulk-sender rules ask for, and a Message-Id derived from the alert id so that a resend is recognisable.
/// Everything that came from a feed is HTML-encoded; only http(s) links become links.
/// </summary>
internal sealed class EmailComposer(SmtpOptions options, TimeProvider timeProvider)
{
    internal const int MaxEvidence = 20;
    internal const int MaxSnippetChars = 400;
    internal const int MaxRelated = 20;
    internal const int MaxSummaryChars = 600;
    internal const int MaxTitleChars = 300;

    /// <summary>Builds the message for a recipient already validated by the caller.</summary>
    public MimeMessage Compose(AlertNotification notification, MailboxAddress recipient)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var view = AlertView.From(notification);
        return Message(options, timeProvider, recipient, $"[Alerts] {view.TopicName}: {view.Title}", notification.AlertId, notification.UnsubscribeUrl,
            new BodyBuilder { TextBody = Text(view), HtmlBody = Html(view) });
    }

    /// <summary>A short message carrying a fresh link to the subscriber's preferences.</summary>
    public MimeMessage ComposeLink(string id, Uri preferences, MailboxAddress recipient)
    {
        ArgumentNullException.ThrowIfNull(preferences);
        var link = preferences.AbsoluteUri;
        return Message(options, timeProvider, recipient, "[Alerts] Your preferences link", id, unsubscribeUrl: null, new BodyBuilder
        {
            TextBody = $"You asked for a fresh link to your Alerts preferences:\n{link}\n\nIf you did not ask, you can ignore this message.\n",
            HtmlBody = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif\"><p>You asked for a fresh link to your Alerts preferences:</p><p><a href=\"{Encode(link)}\">Open your preferences</a></p><p style=\"color:#757575;font-size:12px\">If you did not ask, you can ignore this message.</p></body></html>",
        });
    }

    /// <summary>
    /// One message as Alerts sends every kind (alert, digest, link): from the configured sender, dated now, with a
    /// Message-Id derived from <paramref name="id"/> and the automatic headers.
    /// </summary>
    internal static MimeMessage Message(SmtpOptions options, TimeProvider timeProvider, MailboxAddress recipient, string subject, string id, Uri? unsubscribeUrl, BodyBuilder body)
    {
        var from = new MailboxAddress(options.FromName, options.FromAddress);
        var message = new MimeMessage { Subject = subject, Date = timeProvider.GetUtcNow(), MessageId = MessageIdFor(id, from.Domain) };
        message.From.Add(from);
        message.To.Add(recipient);
        AddAutomaticHeaders(message, id, unsubscribeUrl);
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Headers of every message Alerts sends: an automatic message (RFC 3834, and no out-of-office replies from
    /// Exchange), the id it is recorded under, and one-click unsubscribe (RFC 8058) when there is a link.
    /// </summary>
    private static void AddAutomaticHeaders(MimeMessage message, string id, Uri? unsubscribeUrl)
    {
        // RFC 3834: an automatic message; also stops out-of-office replies from Exchange.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("X-Auto-Response-Suppress", "All");
        message.Headers.Add("X-Alerts-Alert-Id", AlertFormatting.SingleLine(id));
        if (AlertFormatting.SafeLink(unsubscribeUrl) is { } unsubscribe)
        {
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");

            // RFC 8058 one-click unsubscribe is defined for HTTPS URIs only.
            if (unsubscribe.Scheme == Uri.UriSchemeHttps)
            {
                message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
    }

    /// <summary>
    /// The same alert always gets the same Message-Id, so a redelivered queue message produces a mail that clients
    /// and servers can recognise as a duplicate. Hashed because alert ids may hold characters a msg-id cannot.
    /// </summary>
    internal static string MessageIdFor(string alertId, string? domain)
    {
        var host = string.IsNullOrWhiteSpace(domain) ? "alerts.invalid" : domain;
        return $"alert.{ShortHash.Of(alertId, 16)}@{host}";
    }

    private static string Text(AlertView view)
    {
        var text = new StringBuilder();
        text.Append("Alert: ").AppendLine(view.TopicName).AppendLine();
        text.AppendLine(view.Title);
        text.Append(view.Source).Append(" | ").AppendLine(view.Published);
        if (view.Link is not null)
        {
            text.AppendLine(view.Link.AbsoluteUri);
        }

        text.AppendLine();
        if (view.Summary.Length > 0)
        {
            text.AppendLine(view.Summary).AppendLine();
        }

        text.Append("Topic: ").Append(view.TopicName).Append(" | Score: ").AppendLine(view.Score).AppendLine();
        if (view.Evidence.Count > 0)
        {
            text.AppendLine("Why you got this:");
            foreach (var evidence in view.Evidence)
            {
                text.Append("- ").AppendLine(evidence.Description);
                if (evidence.Snippet.Count > 0)
                {
                    text.Append("  \"")
                        .Append(string.Concat(evidence.Snippet.Select(part => part.Highlighted ? $"«{part.Text}»" : part.Text)))
                        .AppendLine("\"");
                }
            }

            text.AppendLine();
        }

        if (view.Related.Count > 0)
        {
            text.AppendLine("Also reported by:");
            foreach (var related in view.Related)
            {
                text.Append("- ").Append(related.Name);
                if (related.Link is not null)
                {
                    text.Append(" <").Append(related.Link.AbsoluteUri).Append('>');
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        text.AppendLine("--");
        text.Append("You receive this because you subscribed to \"").Append(view.TopicName).AppendLine("\" in Alerts.");
        ManageFooter.AppendText(text, view.Manage);
        return text.ToString();
    }

    private static string Html(AlertView view)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(view.Title))
            .Append("</title></head>")
            .Append("<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;color:#1b1b1b;max-width:680px;margin:0 auto;padding:16px\">");

        html.Append("<p style=\"margin:0;color:#5c2d91;font-size:13px;font-weight:600\">Alert: ")
            .Append(Encode(view.TopicName)).Append("</p>");

        html.Append("<h1 style=\"font-size:22px;margin:6px 0 4px\">");
        AppendLinked(html, view.Title, view.Link);
        html.Append("</h1>");
        html.Append("<p style=\"margin:0 0 12px;color:#616161;font-size:13px\">")
            .Append(Encode(view.Source)).Append(" &middot; ").Append(Encode(view.Published)).Append("</p>");

        if (view.Summary.Length > 0)
        {
            html.Append("<p style=\"margin:0 0 12px\">").Append(Encode(view.Summary)).Append("</p>");
        }

        html.Append("<p style=\"margin:0 0 12px;font-size:13px\"><strong>Topic:</strong> ")
            .Append(Encode(view.TopicName)).Append(" &middot; <strong>Score:</strong> ").Append(Encode(view.Score)).Append("</p>");

        if (view.Evidence.Count > 0)
        {
            html.Append("<h2 style=\"font-size:15px;margin:16px 0 6px\">Why you got this</h2><ul style=\"padding-left:20px;margin:0\">");
            foreach (var evidence in view.Evidence)
            {
                html.Append("<li style=\"margin-bottom:6px\">").Append(Encode(evidence.Description));
                if (evidence.Snippet.Count > 0)
                {
                    html.Append("<br><span style=\"color:#424242;font-size:13px\">&ldquo;");
                    foreach (var part in evidence.Snippet)
                    {
                        html.Append(part.Highlighted ? $"<mark>{Encode(part.Text)}</mark>" : Encode(part.Text));
                    }

                    html.Append("&rdquo;</span>");
                }

                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (view.Related.Count > 0)
        {
            html.Append("<h2 style=\"font-size:15px;margin:16px 0 6px\">Also reported by</h2><ul style=\"padding-left:20px;margin:0\">");
            foreach (var related in view.Related)
            {
                html.Append("<li>");
                AppendLinked(html, related.Name, related.Link);
                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (view.Link is not null)
        {
            html.Append("<p style=\"margin:20px 0\"><a href=\"").Append(Encode(view.Link.AbsoluteUri))
                .Append("\" style=\"display:inline-block;background:#5c2d91;color:#ffffff;padding:8px 14px;border-radius:4px;text-decoration:none\">Read the article</a></p>");
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #e0e0e0;margin:20px 0 8px\">")
            .Append("<p style=\"font-size:12px;color:#757575;margin:0\">You receive this because you subscribed to &ldquo;")
            .Append(Encode(view.TopicName)).Append("&rdquo; in Alerts. ");
        ManageFooter.AppendHtml(html, view.Manage);
        html.Append("</p></body></html>");
        return html.ToString();
    }

    internal static void AppendLinked(StringBuilder html, string text, Uri? link)
    {
        if (link is null)
        {
            html.Append(Encode(text));
            return;
        }

        html.Append("<a href=\"").Append(Encode(link.AbsoluteUri)).Append("\" style=\"color:#1b1b1b\">")
            .Append(Encode(text)).Append("</a>");
    }

    // WebUtility encodes <, >, &, " and ': safe both in element content and in quoted attribute values.
    internal static string Encode(string text) => WebUtility.HtmlEncode(text);
}
