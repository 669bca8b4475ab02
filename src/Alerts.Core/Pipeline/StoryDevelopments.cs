using Alerts.Core.Delivery;
using Alerts.Core.Queues;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Pipeline;

/// <summary>
/// Developing stories. A later copy of a story the subscriber was already alerted to (another outlet, an updated
/// version) alerts no one again; it is noted instead: on the alert still waiting for a digest, or as a development
/// the next digest reports ("developing: N new reports since your alert", with the newest headline). Immediate
/// subscribers who asked for follow-ups get one at most every <see cref="FollowUpEvery"/> per story.
/// </summary>
public sealed class StoryDevelopments(IArticleStore articles, ISubscriberStore subscribers, IPendingAlertStore pending, TimeProvider time)
{
    /// <summary>The shortest time between two follow-ups on one story.</summary>
    public static readonly TimeSpan FollowUpEvery = TimeSpan.FromHours(3);

    /// <summary>Notes <paramref name="message"/>'s article as a development of the alert <paramref name="previous"/> settled.</summary>
    public async Task NoteAsync(DeliveryMessage message, DeliveryRecord previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(previous);
        // Another outlet's copy has another key; an updated article keeps its key and changes its version. A message
        // for the very report already alerted (a redelivery) is no development.
        var report = ReportKey(message.ArticleKey, message.ArticleVersion);
        if (previous.Status is not (DeliveryStatus.Sent or DeliveryStatus.Held)
            || report == ReportKey(previous.ArticleKey, previous.ArticleVersion)
            || (previous.ArticleKey == message.ArticleKey && (previous.ArticleVersion is null || message.ArticleVersion is null))
            || await articles.GetAsync(message.ArticleKey, cancellationToken) is not { } article)
        {
            return;
        }

        // Still waiting for its digest: the digest will say the story developed.
        if (await pending.GetAsync(message.SubscriberId, message.AlertId, cancellationToken) is { DigestId: null } waiting)
        {
            await pending.TryUpdateWaitingAsync(WithReport(waiting, report, message.ArticleKey, article.Title), cancellationToken);
            return;
        }

        if (await subscribers.GetAsync(message.SubscriberId, cancellationToken) is not { Active: true } subscriber)
        {
            return;
        }

        var subscription = await subscribers.GetSubscriptionAsync(message.Match.TopicId, subscriber.Id, cancellationToken);
        if (subscription is null || (subscription.Cadence == Cadence.Immediate && !subscription.FollowUps))
        {
            return;
        }

        // One development per story per window of FollowUpEvery, due when its window ends: follow-ups are spaced.
        var now = time.GetUtcNow();
        var window = now.UtcTicks / FollowUpEvery.Ticks;
        var id = $"{message.AlertId}-developing-{window}";
        if (await pending.GetAsync(subscriber.Id, id, cancellationToken) is { } development)
        {
            if (development.DigestId is null)
            {
                await pending.TryUpdateWaitingAsync(WithReport(development, report, message.ArticleKey, article.Title), cancellationToken);
            }

            return;
        }

        var schedule = new DeliverySchedule(subscriber);
        var due = subscription.Cadence == Cadence.Immediate
            ? schedule.OutOfQuietHours(Later(new DateTimeOffset((window + 1) * FollowUpEvery.Ticks, TimeSpan.Zero), previous.RecordedAt + FollowUpEvery))
            : schedule.NextDigest(subscription, now);
        await pending.AddAsync(
            new PendingAlert(subscriber.Id, id, message.ArticleKey, message.Match, due, "developing story")
            {
                HeldAt = now,
                Development = true,
                NewReportKeys = [report],
                NewestHeadline = article.Title,
            },
            cancellationToken);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    // One report of a story: an article, in one version.
    private static string ReportKey(string? articleKey, string? version) => version is null ? articleKey ?? "" : $"{articleKey}#{version}";

    private static PendingAlert WithReport(PendingAlert alert, string report, string articleKey, string headline) =>
        alert.NewReportKeys.Contains(report, StringComparer.Ordinal)
            ? alert
            : alert with
            {
                NewReportKeys = [.. alert.NewReportKeys, report],
                NewestHeadline = headline,
                // A development shows its newest report; an alert still shows the article that alerted.
                ArticleKey = alert.Development ? articleKey : alert.ArticleKey,
            };
}
