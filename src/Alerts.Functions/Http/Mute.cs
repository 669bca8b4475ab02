using System.Globalization;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// "Mute this topic for a day / a week" from a message: GET asks, POST mutes (matches of the topic alert the subscriber
/// of nothing until then; a muted topic is not saved up for later).
/// </summary>
public sealed class Mute(ISubscriberStore subscribers, ITopicStore topics, SubscriberLinks links, TimeProvider time)
{
    /// <summary>HTTP entry point, anonymous: the signed token is the authorisation.</summary>
    [Function(nameof(Mute))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "mute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (grant, refusal) = LinkGate.Open(request, links, LinkAction.MuteTopic);
        if (grant is null)
        {
            return refusal!;
        }

        var topicName = (await topics.GetAsync(grant.TopicId!, cancellationToken))?.Name ?? grant.TopicId!;
        var period = grant.MuteDays == 1 ? "a day" : grant.MuteDays == 7 ? "a week" : $"{grant.MuteDays} days";
        if (HttpMethods.IsGet(request.Method))
        {
            return HtmlPage.Confirm("Mute a topic", $"Hear nothing about “{topicName}” for {period}?", LinkGate.Self(request, "mute"), $"Mute for {period}");
        }

        if (await subscribers.GetSubscriptionAsync(grant.TopicId!, grant.SubscriberId, cancellationToken) is not { } subscription)
        {
            return HtmlPage.Message(404, "Nothing to mute", $"You no longer follow “{topicName}”.");
        }

        var until = time.GetUtcNow().AddDays(grant.MuteDays);
        await subscribers.UpsertSubscriptionAsync(subscription with { MutedUntil = until }, cancellationToken);
        var preferences = links.Url(grant with { Action = LinkAction.Preferences, TopicId = null, MuteDays = 0, Expires = default });
        var local = new DeliverySchedule((await subscribers.GetAsync(grant.SubscriberId, cancellationToken))!).ToLocal(until);
        return HtmlPage.Done("Muted", $"“{topicName}” is muted until {local.ToString("d MMMM, HH:mm", CultureInfo.InvariantCulture)}.", HtmlPage.PreferencesLink(preferences, "(to unmute sooner)"));
    }
}
