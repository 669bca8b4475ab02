using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// POST /api/subscribers/{id}/test: sends a sample alert through the subscriber's real channel and answers with what
/// the peer said (the SMTP reply, the HTTP status), so a dead Teams URL or a refused mailbox shows at once.
/// </summary>
public sealed class TestNotification(ISubscriberStore subscribers, IEnumerable<IAlertChannel> channels, SubscriberLinks links, TimeProvider time)
{
    /// <summary>HTTP entry point.</summary>
    [Function("TestSubscriber")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "subscribers/{id}/test")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await subscribers.GetAsync(id, cancellationToken) is not { } subscriber)
        {
            return Problems.NotFound($"Subscriber '{id}'");
        }

        if (channels.FirstOrDefault(c => c.Kind == subscriber.Channel) is not { } channel)
        {
            return Problems.Status(501, "Channel not configured", $"No {subscriber.Channel} channel is configured in this deployment.");
        }

        var result = await channel.SendAsync(Sample(subscriber), cancellationToken);
        return result.Succeeded
            ? new OkObjectResult(new TestNotificationResult(true, result.Detail))
            : Problems.Status(502, "The channel refused the test alert", result.Detail + (result.Permanent ? " (retrying will not help: fix the subscriber)" : string.Empty));
    }

    private AlertNotification Sample(Subscriber subscriber)
    {
        var now = time.GetUtcNow();
        var article = new Article(
            "test-" + now.ToUnixTimeSeconds(),
            "test",
            "Test alert from Alerts",
            null,
            "This is a test message sent on request, to check that alerts reach this subscriber. No topic matched anything.",
            null,
            now)
        {
            SourceName = "Alerts",
            FirstSeen = now,
        };
        var match = new TopicMatch("test", "Test notification", 1, true, [new MatchEvidence("test", "sent on request to check this subscriber's channel")]);
        var manage = links.For(subscriber.Id);
        return new AlertNotification("test-" + subscriber.Id + "-" + now.ToUnixTimeMilliseconds(), article, match, subscriber)
        {
            UnsubscribeUrl = manage?.UnsubscribeAll,
            Links = manage,
        };
    }
}

/// <summary>The outcome of a test notification.</summary>
/// <param name="Sent">Whether the peer accepted it.</param>
/// <param name="Detail">What the peer said.</param>
public sealed record TestNotificationResult(bool Sent, string Detail);
