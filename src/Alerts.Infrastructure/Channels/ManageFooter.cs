using System.Text;
using Alerts.Core.Subscriptions;

namespace Alerts.Infrastructure.Channels;

/// <summary>The way out and the way to tune, at the foot of every message: mute, unsubscribe, preferences.</summary>
internal static class ManageFooter
{
    private const string Fallback = "To change or stop these messages, ask your Alerts administrator.";

    /// <summary>The links a message shows, labelled, in the order a reader looks for them: judge it, then tune or leave.</summary>
    public static IReadOnlyList<(string Label, Uri Url)> Links(ManageLinks? links)
    {
        if (links is null)
        {
            return [];
        }

        var labelled = new (string Label, Uri? Url)[]
        {
            ("Not relevant", links.NotRelevant),
            ("More like this", links.MoreLikeThis),
            ("Mute this topic for a day", links.MuteDay),
            ("for a week", links.MuteWeek),
            ("Unsubscribe from this topic", links.UnsubscribeTopic),
            ("Unsubscribe from everything", links.UnsubscribeAll),
            ("Preferences", links.Preferences),
        };
        return [.. labelled.Select(link => (link.Label, Url: AlertFormatting.SafeLink(link.Url))).Where(link => link.Url is not null).Select(link => (link.Label, link.Url!))];
    }

    public static void AppendText(StringBuilder text, IReadOnlyList<(string Label, Uri Url)> links)
    {
        if (links.Count == 0)
        {
            text.AppendLine(Fallback);
            return;
        }

        foreach (var (label, url) in links)
        {
            text.Append(char.ToUpperInvariant(label[0])).Append(label[1..]).Append(": ").AppendLine(url.AbsoluteUri);
        }
    }

    public static void AppendHtml(StringBuilder html, IReadOnlyList<(string Label, Uri Url)> links)
    {
        if (links.Count == 0)
        {
            html.Append(EmailComposer.Encode(Fallback));
            return;
        }

        html.Append(string.Join(" &middot; ", links.Select(link => $"<a href=\"{EmailComposer.Encode(link.Url.AbsoluteUri)}\">{EmailComposer.Encode(link.Label)}</a>")));
    }
}
