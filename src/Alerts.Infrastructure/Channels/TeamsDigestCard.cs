using System.Text.Json.Nodes;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// A digest as one Adaptive Card: a heading, then each topic with its stories (linked headline; source, time and why
/// in small print). Kept under <see cref="TeamsCard.MaxPayloadBytes"/> by showing fewer stories and saying "N more".
/// </summary>
internal static class TeamsDigestCard
{
    public static byte[] Build(DigestNotification digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var view = DigestView.From(digest);
        var total = view.Topics.Sum(topic => topic.Items.Count);
        byte[] payload = [];
        for (var shown = total; shown >= 0; shown--)
        {
            payload = TeamsCard.Payload(Card(view, shown));
            if (payload.Length <= TeamsCard.MaxPayloadBytes)
            {
                break;
            }
        }

        return payload;
    }

    private static JsonObject Card(DigestView view, int shown)
    {
        var body = new JsonArray { TeamsCard.TextBlock($"Digest: {view.Heading}", size: "Medium", weight: "Bolder") };
        var left = shown;
        var more = view.Folded;
        foreach (var topic in view.Topics)
        {
            body.Add(TeamsCard.TextBlock(topic.Name, weight: "Bolder", color: "Accent", spacing: "Medium"));
            foreach (var item in topic.Items)
            {
                if (left-- <= 0)
                {
                    more++;
                    continue;
                }

                body.Add(TeamsCard.TextBlock(
                    item.Link is null
                        ? TeamsCard.Markdown.Neutralize(item.Title)
                        : $"[{TeamsCard.Markdown.LinkText(item.Title)}]({TeamsCard.Markdown.LinkTarget(item.Link)})",
                    weight: "Bolder",
                    spacing: "Small",
                    trustedMarkdown: true));
                var details = string.Join(" · ", new[] { $"{item.Source}, {item.Published}", item.Developing ?? "", item.Why, item.AlsoReportedByLine }.Where(part => part.Length > 0));
                body.Add(TeamsCard.TextBlock(details, subtle: true, spacing: "None"));
            }
        }

        if (more > 0)
        {
            body.Add(TeamsCard.TextBlock(more == 1 ? "…and 1 more alert" : $"…and {more} more alerts", subtle: true, spacing: "Medium"));
        }

        body.Add(TeamsCard.TextBlock($"Times are {view.TimeZone}.", subtle: true, size: "Small", spacing: "Medium"));
        TeamsCard.AddManageLinks(body, view.Manage);
        return TeamsCard.Card(body, null);
    }
}
