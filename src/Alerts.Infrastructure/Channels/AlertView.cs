using Alerts.Core.Delivery;
using Alerts.Core.Scoring;

namespace Alerts.Infrastructure.Channels;

/// <summary>An alert reduced to what a person reads, bounded in size and cleaned of control characters.</summary>
internal sealed record AlertView(
    string TopicName,
    string Title,
    string Source,
    string Published,
    Uri? Link,
    string Summary,
    string Score,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<RelatedView> Related)
{
    /// <summary>Mute, unsubscribe and preferences links, labelled.</summary>
    public IReadOnlyList<(string Label, Uri Url)> Manage { get; init; } = [];

    /// <summary>How many reasons there were before the size budget kept <see cref="Evidence"/>.</summary>
    public int TotalReasons { get; init; }

    public static AlertView From(
        AlertNotification notification,
        int maxEvidence = EmailComposer.MaxEvidence,
        int maxSnippetChars = EmailComposer.MaxSnippetChars,
        int maxRelated = EmailComposer.MaxRelated,
        int maxSummaryChars = EmailComposer.MaxSummaryChars,
        int maxTitleChars = EmailComposer.MaxTitleChars)
    {
        var article = notification.Article;
        var match = notification.Match;
        var title = AlertFormatting.SingleLine(article.Title);
        // A reader gets the "why" in words; query clauses and counters stay in the API and `alerts score --explain`.
        var reasons = PlainWhy.Reasons(match, notification.AlsoReportedBy.Count);
        return new AlertView(
            Redaction.Truncate(AlertFormatting.SingleLine(match.TopicName), 200),
            Redaction.Truncate(title.Length == 0 ? "(untitled article)" : title, maxTitleChars),
            Redaction.Truncate(AlertFormatting.SingleLine(AlertFormatting.Source(article)), 200),
            AlertFormatting.Published(article.Published, new Core.Subscriptions.DeliverySchedule(notification.Subscriber).Zone),
            AlertFormatting.SafeLink(article.Link),
            Redaction.Truncate(AlertFormatting.SingleLine(article.Summary), maxSummaryChars),
            AlertFormatting.Score(match.Score),
            [.. reasons.Take(maxEvidence).Select(reason => new EvidenceView(
                Redaction.Truncate(AlertFormatting.SingleLine(reason.Text), 200),
                maxSnippetChars > 0 ? Snippets.Parse(AlertFormatting.SingleLine(reason.Snippet), maxSnippetChars) : []))],
            [.. notification.AlsoReportedBy.Take(maxRelated).Select(related => new RelatedView(
                Redaction.Truncate(AlertFormatting.SingleLine(related.Name), 120),
                AlertFormatting.SafeLink(related.Link)))])
        {
            TotalReasons = reasons.Count,
            Manage = ManageFooter.Links(notification.Links),
        };
    }
}

internal sealed record EvidenceView(string Description, IReadOnlyList<SnippetPart> Snippet);

internal sealed record RelatedView(string Name, Uri? Link);
