using Alerts.Core.Delivery;

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
    IReadOnlyList<RelatedView> Related,
    Uri? Unsubscribe)
{
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
        return new AlertView(
            Redaction.Truncate(AlertFormatting.SingleLine(match.TopicName), 200),
            Redaction.Truncate(title.Length == 0 ? "(untitled article)" : title, maxTitleChars),
            Redaction.Truncate(AlertFormatting.SingleLine(AlertFormatting.Source(article)), 200),
            AlertFormatting.Published(article.Published),
            AlertFormatting.SafeLink(article.Link),
            Redaction.Truncate(AlertFormatting.SingleLine(article.Summary), maxSummaryChars),
            AlertFormatting.Score(match.Score),
            [.. match.Evidence.Take(maxEvidence).Select(evidence => new EvidenceView(
                Redaction.Truncate(AlertFormatting.SingleLine(evidence.Description), 200),
                maxSnippetChars > 0 ? Snippets.Parse(AlertFormatting.SingleLine(evidence.Snippet), maxSnippetChars) : []))],
            [.. notification.AlsoReportedBy.Take(maxRelated).Select(related => new RelatedView(
                Redaction.Truncate(AlertFormatting.SingleLine(related.Name), 120),
                AlertFormatting.SafeLink(related.Link)))],
            AlertFormatting.SafeLink(notification.UnsubscribeUrl));
    }
}

internal sealed record EvidenceView(string Description, IReadOnlyList<SnippetPart> Snippet);

internal sealed record RelatedView(string Name, Uri? Link);
