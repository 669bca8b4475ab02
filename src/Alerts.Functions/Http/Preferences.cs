using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http.Pages;
using Alerts.Functions.Http.Validation;
using Alerts.Infrastructure.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http;

/// <summary>
/// The preferences page a subscriber opens from any message: their topics, cadence, time zone, quiet hours, daily
/// limit and urgent band, each topic to leave or unmute, and the way to stop everything. Checked by the same rules as
/// the admin API; a mistake is shown on the page in words and nothing is saved.
/// </summary>
public sealed class Preferences(
    ISubscriberStore subscribers,
    ITopicStore topics,
    SubscriberLinks links,
    IOptions<OutboundHttpOptions> outbound,
    TimeProvider time,
    ILogger<Preferences> logger)
{
    /// <summary>HTTP entry point, anonymous: the signed token is the authorisation.</summary>
    [Function(nameof(Preferences))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "preferences")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (grant, refusal) = LinkGate.Open(request, links, LinkAction.Preferences);
        if (grant is null)
        {
            return refusal!;
        }

        if (await subscribers.GetAsync(grant.SubscriberId, cancellationToken) is not { } subscriber)
        {
            return HtmlPage.Message(404, "Nothing to show", "This address no longer receives Alerts messages.");
        }

        var followed = await FollowedAsync(subscriber.Id, cancellationToken);
        if (!HttpMethods.IsPost(request.Method))
        {
            return Page(request, grant, subscriber, followed, null, saved: false);
        }

        var change = PreferencesForm.Read(await request.ReadFormAsync(cancellationToken), subscriber, followed, time);
        var problems = new Dictionary<string, string>(change.Problems, StringComparer.Ordinal);
        foreach (var failure in new SubscriberRequestValidator(outbound.Value).Validate(new SubscriberRequest(change.Subscriber, ChannelGiven: true)).Errors)
        {
            problems.TryAdd(failure.PropertyName, failure.ErrorMessage);
        }

        foreach (var (subscription, topic) in change.Keep.Zip(followed.Where(f => !change.Leave.Contains(f.Subscription.TopicId))))
        {
            foreach (var failure in SubscriptionRequestValidator.Instance.Validate(subscription).Errors)
            {
                problems.TryAdd($"{subscription.TopicId}-{failure.PropertyName}", $"{topic.TopicName}: {failure.ErrorMessage}");
            }
        }

        if (problems.Count > 0)
        {
            return Page(request, grant, subscriber, followed, problems, saved: false, status: 400);
        }

        await subscribers.UpsertAsync(change.Subscriber, cancellationToken);
        foreach (var subscription in change.Keep)
        {
            await subscribers.UpsertSubscriptionAsync(subscription, cancellationToken);
        }

        foreach (var topicId in change.Leave)
        {
            await subscribers.DeleteSubscriptionAsync(topicId, subscriber.Id, cancellationToken);
        }

        logger.LogInformation("Subscriber {SubscriberRef} saved their preferences ({Topics} topics kept, {Left} left)", SubscriberRef.For(subscriber.Id), change.Keep.Count, change.Leave.Count);
        return Page(request, grant, change.Subscriber, await FollowedAsync(subscriber.Id, cancellationToken), null, saved: true);
    }

    private async Task<List<FollowedTopic>> FollowedAsync(string subscriberId, CancellationToken cancellationToken)
    {
        var followed = new List<FollowedTopic>();
        await foreach (var subscription in subscribers.ListSubscriptionsOfSubscriberAsync(subscriberId, cancellationToken))
        {
            var name = (await topics.GetAsync(subscription.TopicId, cancellationToken))?.Name ?? subscription.TopicId;
            followed.Add(new FollowedTopic(subscription, name));
        }

        return [.. followed.OrderBy(topic => topic.TopicName, StringComparer.CurrentCultureIgnoreCase)];
    }

    private ContentResult Page(HttpRequest request, LinkGrant grant, Subscriber subscriber, IReadOnlyList<FollowedTopic> followed, IReadOnlyDictionary<string, string>? problems, bool saved, int status = 200)
    {
        // Relative to this page (…/api/preferences), whatever the public base URL.
        var unsubscribeAll = "unsubscribe?t=" + Uri.EscapeDataString(links.Token(new LinkGrant(grant.SubscriberId, LinkAction.UnsubscribeAll, null, 0, default)));
        var body = PreferencesForm.Render(subscriber, followed, LinkGate.Self(request, "preferences"), unsubscribeAll, problems, saved, time);
        return HtmlPage.Render(status, "Your Alerts preferences", body);
    }
}
