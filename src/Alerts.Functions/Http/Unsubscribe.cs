using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Http;

/// <summary>
/// The unsubscribe links of every message: from one topic (the alert's, also its RFC 8058 one-click header) or from
/// everything. GET shows a confirmation (mail scanners follow GET links, so GET must change nothing); POST does it,
/// which is also what mail clients' one-click button sends.
/// </summary>
public sealed class Unsubscribe(ISubscriberStore subscribers, ITopicStore topics, SubscriberLinks links, ILogger<Unsubscribe> logger)
{
    /// <summary>HTTP entry point, anonymous: the signed token is the authorisation.</summary>
    [Function(nameof(Unsubscribe))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (grant, refusal) = LinkGate.Open(request, links, LinkAction.UnsubscribeAll, LinkAction.UnsubscribeTopic);
        if (grant is null)
        {
            return refusal!;
        }

        var topicName = grant.TopicId is null ? null : (await topics.GetAsync(grant.TopicId, cancellationToken))?.Name ?? grant.TopicId;
        var preferences = links.Url(grant with { Action = LinkAction.Preferences, TopicId = null, MuteDays = 0, Expires = default });
        if (HttpMethods.IsGet(request.Method))
        {
            var question = topicName is null
                ? "Stop all Alerts messages to you?"
                : $"Stop alerts about “{topicName}”? Your other topics stay as they are.";
            return HtmlPage.Confirm("Unsubscribe", question, LinkGate.Self(request, "unsubscribe"), "Unsubscribe");
        }

        if (grant.TopicId is { } topicId)
        {
            await subscribers.DeleteSubscriptionAsync(topicId, grant.SubscriberId, cancellationToken);
            logger.LogInformation("Subscriber {SubscriberRef} left topic {TopicId}", SubscriberRef.For(grant.SubscriberId), topicId);
        }
        else if (await subscribers.GetAsync(grant.SubscriberId, cancellationToken) is { Active: true } subscriber)
        {
            await subscribers.UpsertAsync(subscriber with { Active = false }, cancellationToken);
            logger.LogInformation("Subscriber {SubscriberRef} unsubscribed", SubscriberRef.For(grant.SubscriberId));
        }

        var done = topicName is null
            ? "You are unsubscribed and will receive no more Alerts messages."
            : $"You are unsubscribed from “{topicName}”.";
        return HtmlPage.Done("Unsubscribed", done, HtmlPage.PreferencesLink(preferences));
    }
}
