using Alerts.Core.Topics;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;

namespace Alerts.Cli.Demo;

/// <summary>Prints what one demo run ingested, matched and delivered, and where the received messages are.</summary>
public static class DemoReport
{
    /// <summary>Writes the report.</summary>
    public static void Write(
        TextWriter output,
        DemoObserver observer,
        IReadOnlyList<ReceivedEmail> emails,
        IReadOnlyList<ReceivedRequest> teamsPosts,
        DemoVerdict verdict,
        WatchTopic topic,
        bool finished)
    {
        WriteIngestion(output, observer);
        WriteMatches(output, observer, topic);
        WriteDeliveries(output, observer, emails, teamsPosts);
        WriteVerdict(output, verdict, emails.Count + teamsPosts.Count, finished);
    }

    private static void WriteIngestion(TextWriter output, DemoObserver observer)
    {
        output.WriteLine("Ingested");
        foreach (var fetch in observer.Fetches)
        {
            output.WriteLine($"  {fetch.Source.Name ?? fetch.Source.Id}: {fetch.Outcome}{(fetch.SeenBefore > 0 ? $", {fetch.SeenBefore} already seen (not alerted again)" : "")}");
            foreach (var article in fetch.NewArticles)
            {
                output.WriteLine($"    + {article.Title}");
            }
        }

        output.WriteLine();
    }

    private static void WriteMatches(TextWriter output, DemoObserver observer, WatchTopic topic)
    {
        output.WriteLine($"Scored against \"{topic.Name}\" (alert from {topic.Threshold:0.00})");
        if (observer.Scores.Count == 0)
        {
            output.WriteLine("  nothing new to score");
        }

        foreach (var scored in observer.Scores.Values.OrderByDescending(s => s.Matches.FirstOrDefault(m => m.TopicId == topic.Id)?.Score ?? 0))
        {
            var match = scored.Matches.FirstOrDefault(m => m.TopicId == topic.Id);
            if (match is null)
            {
                output.WriteLine($"  -     {scored.Article.Title}  (not a candidate)");
                continue;
            }

            output.WriteLine($"  {(match.Alert ? "ALERT" : "no   ")} {match.Score:0.00}  {scored.Article.Title}");
            foreach (var evidence in match.Evidence.Take(match.Alert ? 6 : 2))
            {
                output.WriteLine($"          why: {evidence.Description}{(evidence.Snippet is null ? "" : $"  \"{evidence.Snippet}\"")}");
            }
        }

        output.WriteLine();
    }

    private static void WriteDeliveries(TextWriter output, DemoObserver observer, IReadOnlyList<ReceivedEmail> emails, IReadOnlyList<ReceivedRequest> teamsPosts)
    {
        output.WriteLine("Delivered");
        if (observer.Deliveries.Count == 0)
        {
            output.WriteLine("  nothing to deliver this run");
        }

        foreach (var delivery in observer.Deliveries)
        {
            var record = delivery.Record;
            output.WriteLine(delivery.AlreadyDelivered
                ? $"  {record.Channel,-6} -> {record.SubscriberId}: already delivered at {record.RecordedAt:u}, not sent again"
                : $"  {record.Channel,-6} -> {record.SubscriberId}: {record.Status} ({record.Detail})");
        }

        foreach (var email in emails)
        {
            output.WriteLine($"  e-mail saved: {email.EmlPath}");
            if (email.HtmlPath is not null)
            {
                output.WriteLine($"                {email.HtmlPath}");
            }
        }

        foreach (var post in teamsPosts)
        {
            output.WriteLine($"  Teams payload saved: {post.SavedPath}");
        }

        output.WriteLine();
    }

    private static void WriteVerdict(TextWriter output, DemoVerdict verdict, int notificationsThisRun, bool finished)
    {
        if (!finished)
        {
            output.WriteLine("The pipeline did not go quiet before the timeout; see the log lines above.");
        }

        if (!verdict.ReachedAll)
        {
            output.WriteLine(verdict.Story is null
                ? "FAILED: no matching story was delivered."
                : $"FAILED: \"{verdict.Story.Title}\" did not reach every subscriber: {string.Join(", ", verdict.Records.Select(r => $"{r.Key}={r.Value?.Status.ToString() ?? "not delivered"}"))}.");
            return;
        }

        var sentAt = verdict.Records.Values.Max(r => r!.RecordedAt);
        output.WriteLine(notificationsThisRun > 0
            ? $"OK: \"{verdict.Story!.Title}\" reached both subscribers ({notificationsThisRun} notifications this run)."
            : $"OK: \"{verdict.Story!.Title}\" had already reached both subscribers (at {sentAt:u}); no notification was sent again (dedupe).");
    }
}
