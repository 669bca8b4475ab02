using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Channels;

/// <summary>
/// Builds the Workflows webhook payload: <c>{"type":"message","attachments":[{... Adaptive Card 1.4 ...}]}</c>.
/// Teams refuses cards well before its documented 28 KB, so the payload is kept under <see cref="MaxPayloadBytes"/>
/// by trimming the least important parts first: evidence snippets, then evidence, related outlets and the summary.
/// </summary>
internal static class TeamsCard
{
    /// <summary>Upper bound of the serialised payload, in UTF-8 bytes.</summary>
    public const int MaxPayloadBytes = 20_000;

    public const string AttachmentContentType = "application/vnd.microsoft.card.adaptive";
    public const string CardVersion = "1.4";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        // Keeps non-Latin text readable and small while still escaping HTML-significant characters.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    // From the richest card to the barest; the last level is small whatever the input, because every field is capped.
    private static readonly Budget[] Budgets =
    [
        new(MaxEvidence: 12, MaxSnippetChars: 320, MaxRelated: 15, MaxSummaryChars: 500, MaxTitleChars: 300),
        new(MaxEvidence: 8, MaxSnippetChars: 200, MaxRelated: 10, MaxSummaryChars: 300, MaxTitleChars: 300),
        new(MaxEvidence: 5, MaxSnippetChars: 120, MaxRelated: 5, MaxSummaryChars: 200, MaxTitleChars: 250),
        new(MaxEvidence: 3, MaxSnippetChars: 0, MaxRelated: 3, MaxSummaryChars: 0, MaxTitleChars: 200),
        new(MaxEvidence: 0, MaxSnippetChars: 0, MaxRelated: 0, MaxSummaryChars: 0, MaxTitleChars: 150),
    ];

    public static byte[] Build(AlertNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        byte[] payload = [];
        foreach (var budget in Budgets)
        {
            payload = Serialize(notification, budget);
            if (payload.Length <= MaxPayloadBytes)
            {
                return payload;
            }
        }

        return payload;
    }

    private static byte[] Serialize(AlertNotification notification, Budget budget)
    {
        var view = AlertView.From(
            notification,
            budget.MaxEvidence,
            budget.MaxSnippetChars,
            budget.MaxRelated,
            budget.MaxSummaryChars,
            budget.MaxTitleChars);
        var body = new JsonArray();
        AddHeadline(body, view);
        AddReasons(body, view, view.TotalReasons);
        AddOtherOutlets(body, view, notification.AlsoReportedBy.Count);
        AddManageLinks(body, view.Manage);
        return Payload(Card(body, view.Link));
    }

    /// <summary>The Workflows message carrying one card, serialised.</summary>
    internal static byte[] Payload(JsonObject card)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray
            {
                new JsonObject
                {
                    ["contentType"] = AttachmentContentType,
                    ["contentUrl"] = null,
                    ["content"] = card,
                },
            },
        };

        return JsonSerializer.SerializeToUtf8Bytes(message, SerializerOptions);
    }

    // The topic, the headline, the summary and the facts a reader scans first.
    private static void AddHeadline(JsonArray body, AlertView view)
    {
        body.Add(TextBlock($"Alert: {view.TopicName}", size: "Small", weight: "Bolder", color: "Accent"));
        body.Add(TextBlock(view.Title, size: "Large", weight: "Bolder"));
        if (view.Summary.Length > 0)
        {
            body.Add(TextBlock(view.Summary, subtle: true));
        }

        body.Add(new JsonObject
        {
            ["type"] = "FactSet",
            ["facts"] = new JsonArray
            {
                Fact("Source", view.Source),
                Fact("Published", view.Published),
                Fact("Topic", view.TopicName),
                Fact("Score", view.Score),
            },
        });
    }

    // "Why you got this": the evidence the budget keeps, and how much was left out.
    private static void AddReasons(JsonArray body, AlertView view, int totalEvidence)
    {
        if (totalEvidence == 0)
        {
            return;
        }

        body.Add(TextBlock("Why you got this", weight: "Bolder", spacing: "Medium"));
        var reasons = new JsonArray();
        foreach (var evidence in view.Evidence)
        {
            reasons.Add(TextBlock($"• {evidence.Description}", spacing: "Small"));
            if (evidence.Snippet.Count > 0)
            {
                reasons.Add(TextBlock(Markdown.Snippet(evidence.Snippet), subtle: true, spacing: "None", trustedMarkdown: true));
            }
        }

        var omitted = totalEvidence - view.Evidence.Count;
        if (omitted > 0)
        {
            reasons.Add(TextBlock(omitted == 1 ? "…and 1 more reason" : $"…and {omitted} more reasons", subtle: true, spacing: "Small"));
        }

        body.Add(new JsonObject { ["type"] = "Container", ["items"] = reasons });
    }

    // The story's other outlets, linked where they have a link.
    private static void AddOtherOutlets(JsonArray body, AlertView view, int totalRelated)
    {
        if (totalRelated == 0)
        {
            return;
        }

        var names = view.Related.Select(related => related.Link is null
            ? Markdown.Neutralize(related.Name)
            : $"[{Markdown.LinkText(related.Name)}]({Markdown.LinkTarget(related.Link)})").ToList();
        var omitted = totalRelated - view.Related.Count;
        if (omitted > 0)
        {
            names.Add($"{omitted} more");
        }

        body.Add(TextBlock($"Also reported by: {string.Join(", ", names)}", subtle: true, spacing: "Medium", trustedMarkdown: true));
    }

    /// <summary>Mute, unsubscribe and preferences as one line of small links.</summary>
    internal static void AddManageLinks(JsonArray body, IReadOnlyList<(string Label, Uri Url)> links)
    {
        if (links.Count > 0)
        {
            var line = string.Join(" · ", links.Select(link => $"[{Markdown.LinkText(link.Label)}]({Markdown.LinkTarget(link.Url)})"));
            body.Add(TextBlock(line, size: "Small", subtle: true, spacing: "Medium", trustedMarkdown: true));
        }
    }

    internal static JsonObject Card(JsonArray body, Uri? link, string linkTitle = "Read article")
    {
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = CardVersion,
            ["msteams"] = new JsonObject { ["width"] = "Full" },
            ["body"] = body,
        };
        if (link is not null)
        {
            card["actions"] = new JsonArray
            {
                new JsonObject { ["type"] = "Action.OpenUrl", ["title"] = linkTitle, ["url"] = link.AbsoluteUri },
            };
        }

        return card;
    }

    internal static JsonObject TextBlock(
        string text,
        string? size = null,
        string? weight = null,
        string? color = null,
        bool subtle = false,
        string? spacing = null,
        bool trustedMarkdown = false)
    {
        var block = new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = trustedMarkdown ? text : Markdown.Neutralize(text),
            ["wrap"] = true,
        };
        if (size is not null)
        {
            block["size"] = size;
        }

        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (color is not null)
        {
            block["color"] = color;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = Markdown.Neutralize(value) };

    private sealed record Budget(int MaxEvidence, int MaxSnippetChars, int MaxRelated, int MaxSummaryChars, int MaxTitleChars);

    /// <summary>
    /// Adaptive Card TextBlocks render a Markdown subset. Feed text is not trusted to carry links, so the
    /// link syntax is broken with an invisible character; emphasis is left alone (harmless).
    /// </summary>
    internal static class Markdown
    {
        public static string Neutralize(string text) => text.Replace("](", "]\u200B(", StringComparison.Ordinal);

        public static string LinkText(string text) => Neutralize(text.Replace('[', '(').Replace(']', ')'));

        // A ')' or space inside the target would end the Markdown link early.
        public static string LinkTarget(Uri link) => link.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal);

        public static string Snippet(IReadOnlyList<SnippetPart> parts)
            => Neutralize(string.Concat(parts.Select(part => part.Highlighted ? $"**{part.Text.Trim()}**" : part.Text)));
    }
}
