using System.Globalization;
using Alerts.Core.Delivery;

namespace Alerts.Infrastructure.Channels;

/// <summary>A digest reduced to what a person reads, times in the subscriber's zone, text cleaned and bounded.</summary>
internal sealed record DigestView(string Heading, IReadOnlyList<DigestTopicView> Topics, int Folded, string TimeZone)
{
    /// <summary>Unsubscribe and preferences links, labelled.</summary>
    public IReadOnlyList<(string Label, Uri Url)> Manage { get; init; } = [];

    public static DigestView From(DigestNotification digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var topics = digest.Topics.Select(topic => new DigestTopicView(
            Redaction.Truncate(AlertFormatting.SingleLine(topic.TopicName), 200),
            [.. topic.Items.Select(item => Item(item, digest.TimeZone))],
            topic.Folded)).ToList();
        return new DigestView(HeadingOf(digest), topics, digest.Folded, digest.TimeZone.Id)
        {
            Manage = ManageFooter.Links(digest.Links),
        };
    }

    /// <summary>"7 alerts on 2 topics", the digest's subject.</summary>
    public static string HeadingOf(DigestNotification digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var alerts = digest.AlertCount == 1 ? "1 alert" : $"{digest.AlertCount} alerts";
        return digest.Topics.Count == 1
            ? $"{alerts} on {AlertFormatting.SingleLine(digest.Topics[0].TopicName)}"
            : $"{alerts} on {digest.Topics.Count} topics";
    }

    /// <summary>A time as the subscriber reads it: "3 Dec, 09:12".</summary>
    public static string LocalTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM, HH:mm", CultureInfo.InvariantCulture);

    private static DigestItemView Item(DigestItem item, TimeZoneInfo zone)
    {
        var title = AlertFormatting.SingleLine(item.Article.Title);
        var developing = item.Development || item.NewReports > 0
            ? $"Developing: {(item.NewReports == 1 ? "1 new report" : $"{item.NewReports} new reports")} since {(item.Development ? "your alert" : "it matched")}"
              + (item.NewestHeadline is { Length: > 0 } newest ? $", newest: “{Redaction.Truncate(AlertFormatting.SingleLine(newest), 200)}”" : "")
            : null;
        return new DigestItemView(
            Redaction.Truncate(title.Length == 0 ? "(untitled article)" : title, 300),
            AlertFormatting.SafeLink(item.Article.Link),
            Redaction.Truncate(AlertFormatting.SingleLine(AlertFormatting.Source(item.Article)), 120),
            LocalTime(item.Article.Published, zone),
            Redaction.Truncate(AlertFormatting.SingleLine(item.Summary), 240),
            Redaction.Truncate(AlertFormatting.SingleLine(item.Why), 300),
            [.. item.AlsoReportedBy.Take(5).Select(related => Redaction.Truncate(AlertFormatting.SingleLine(related.Name), 80))],
            item.AlsoReportedBy.Count,
            [.. item.AlsoMatches.Select(topic => Redaction.Truncate(AlertFormatting.SingleLine(topic), 120))],
            developing);
    }
}

internal sealed record DigestTopicView(string Name, IReadOnlyList<DigestItemView> Items, int Folded);

internal sealed record DigestItemView(
    string Title,
    Uri? Link,
    string Source,
    string Published,
    string Summary,
    string Why,
    IReadOnlyList<string> AlsoReportedBy,
    int AlsoReportedByCount,
    IReadOnlyList<string> AlsoMatches,
    string? Developing)
{
    /// <summary>"Also reported by Reuters, AP and 3 more" or empty.</summary>
    public string AlsoReportedByLine => AlsoReportedByCount == 0
        ? ""
        : "Also reported by " + string.Join(", ", AlsoReportedBy) + (AlsoReportedByCount > AlsoReportedBy.Count ? $" and {AlsoReportedByCount - AlsoReportedBy.Count} more" : "");

    /// <summary>"Also matches: Oil supply shocks" or empty.</summary>
    public string AlsoMatchesLine => AlsoMatches.Count == 0 ? "" : "Also matches: " + string.Join(", ", AlsoMatches);
}
