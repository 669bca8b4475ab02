using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using Alerts.Functions.Http.Validation;

namespace Alerts.Functions.Http;

/// <summary>
/// The admin API: topics, sources, subscribers and subscriptions, and delivery outcomes for ops.
/// Function-key protected; ids are lower-case letters, digits and dashes.
/// </summary>
public sealed class AdminApi(
    ITopicStore topics,
    ISourceStore sources,
    ISubscriberStore subscribers,
    IDeliveryStore deliveries,
    Alerts.Core.Workbench.IJudgmentStore judgments,
    Microsoft.Extensions.Options.IOptions<Alerts.Infrastructure.Http.OutboundHttpOptions> outbound,
    TimeProvider time)
{
    /// <summary>GET /api/topics.</summary>
    [Function("ListTopics")]
    public async Task<IActionResult> ListTopics(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "topics")] HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await topics.ListAsync(cancellationToken).ToListAsync(cancellationToken));

    /// <summary>PUT /api/topics/{id}: creates or replaces a topic after validating its query.</summary>
    [Function("PutTopic")]
    public async Task<IActionResult> PutTopic(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "topics/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (topic, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.WatchTopic, cancellationToken, CompleteTopic, TopicProperties.Unknown);
        if (topic is null)
        {
            return problem!;
        }

        topic = topic with { Id = id };
        if (Problems.Invalid(TopicRequestValidator.Instance, topic) is { } invalid)
        {
            return invalid;
        }

        await topics.UpsertAsync(topic, cancellationToken);
        return new OkObjectResult(topic);
    }

    /// <summary>
    /// GET /api/topics/{id}/judgments: subscribers' "not relevant" / "more like this" on the topic's alerts;
    /// <c>?format=labels</c> answers them as a labels file for <c>alerts eval --labels</c>.
    /// </summary>
    [Function("ListJudgments")]
    public async Task<IActionResult> ListJudgments(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "topics/{id}/judgments")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var found = await judgments.ListAsync(id, cancellationToken).ToListAsync(cancellationToken);
        return request.Query["format"] == "labels"
            ? new ContentResult { Content = Alerts.Core.Workbench.JudgmentLabels.ToTsv(found), ContentType = "text/tab-separated-values; charset=utf-8", StatusCode = 200 }
            : new OkObjectResult(found.OrderByDescending(j => j.At).ToList());
    }

    /// <summary>DELETE /api/topics/{id}.</summary>
    [Function("DeleteTopic")]
    public async Task<IActionResult> DeleteTopic(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "topics/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await topics.DeleteAsync(id, cancellationToken) ? new NoContentResult() : Problems.NotFound($"Topic '{id}'");

    /// <summary>GET /api/sources: every source with its health.</summary>
    [Function("ListSources")]
    public async Task<IActionResult> ListSources(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "sources")] HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await sources.ListAsync(cancellationToken).ToListAsync(cancellationToken));

    /// <summary>PUT /api/sources/{id}: registers a feed, body <c>{"url": "...", "name": "...", "fetchFullText": false}</c>.</summary>
    [Function("PutSource")]
    public async Task<IActionResult> PutSource(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "sources/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (source, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.FeedSource, cancellationToken);
        if (source is null)
        {
            return problem!;
        }

        if (Problems.Invalid(SourceRequestValidator.Instance, source with { Id = id }) is { } invalid)
        {
            return invalid;
        }

        // Validators, health and the pending fetch belong to the fetcher and the timer, not to the caller.
        var existing = await sources.GetAsync(id, cancellationToken);
        source = source with
        {
            Id = id,
            Validators = existing?.Url == source.Url ? existing.Validators : FeedValidators.None,
            Health = existing?.Health ?? SourceHealth.Unknown,
            AddedAt = existing?.AddedAt ?? time.GetUtcNow(),
            FetchQueuedAt = existing?.FetchQueuedAt,
        };
        await sources.UpsertAsync(source, cancellationToken);
        return new OkObjectResult(source);
    }

    /// <summary>DELETE /api/sources/{id}.</summary>
    [Function("DeleteSource")]
    public async Task<IActionResult> DeleteSource(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "sources/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await sources.DeleteAsync(id, cancellationToken) ? new NoContentResult() : Problems.NotFound($"Source '{id}'");

    /// <summary>PUT /api/subscribers/{id}: body <c>{"name": "...", "channel": "email|teams|webhook", "address": "...", "secret": "..."}</c>.</summary>
    [Function("PutSubscriber")]
    public async Task<IActionResult> PutSubscriber(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "subscribers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var activeGiven = false;
        var channelGiven = false;
        var (subscriber, problem) = await JsonBody.ReadAsync(
            request,
            AlertsJsonContext.Default.Subscriber,
            cancellationToken,
            (value, json) =>
            {
                activeGiven = JsonBody.Has(json, "active");
                channelGiven = JsonBody.Has(json, "channel");
                return value;
            });
        if (subscriber is null)
        {
            return problem!;
        }

        // Without "active" in the body the deserializer yields false. A new subscriber starts active; an existing one
        // keeps its state, so editing a subscriber who unsubscribed does not silently subscribe them again.
        var existing = activeGiven || !RouteIds.IsValid(id) ? null : await subscribers.GetAsync(id, cancellationToken);
        // Saving a subscriber is how an operator fixes it: its channel health starts again.
        subscriber = subscriber with { Id = id, Active = activeGiven ? subscriber.Active : existing?.Active ?? true, Health = ChannelHealth.Healthy };
        if (Problems.Invalid(new SubscriberRequestValidator(outbound.Value), new SubscriberRequest(subscriber, channelGiven)) is { } invalid)
        {
            return invalid;
        }

        await subscribers.UpsertAsync(subscriber, cancellationToken);
        return new OkObjectResult(SubscriberView.Redacted(subscriber));
    }

    /// <summary>GET /api/subscribers: every subscriber, credentials hidden.</summary>
    [Function("ListSubscribers")]
    public async Task<IActionResult> ListSubscribers(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "subscribers")] HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await subscribers.ListAsync(cancellationToken).Select(SubscriberView.Redacted).ToListAsync(cancellationToken));

    /// <summary>GET /api/subscribers/{id}: one subscriber, credentials hidden.</summary>
    [Function("GetSubscriber")]
    public async Task<IActionResult> GetSubscriber(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "subscribers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await subscribers.GetAsync(id, cancellationToken) is { } subscriber
            ? new OkObjectResult(SubscriberView.Redacted(subscriber))
            : Problems.NotFound($"Subscriber '{id}'");

    /// <summary>DELETE /api/subscribers/{id}: the subscriber and all their subscriptions.</summary>
    [Function("DeleteSubscriber")]
    public async Task<IActionResult> DeleteSubscriber(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "subscribers/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await subscribers.DeleteAsync(id, cancellationToken) ? new NoContentResult() : Problems.NotFound($"Subscriber '{id}'");

    /// <summary>GET /api/subscribers/{id}/subscriptions: the topics one subscriber follows.</summary>
    [Function("ListSubscriptionsOfSubscriber")]
    public async Task<IActionResult> ListSubscriptionsOfSubscriber(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "subscribers/{id}/subscriptions")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await subscribers.GetAsync(id, cancellationToken) is null
            ? Problems.NotFound($"Subscriber '{id}'")
            : new OkObjectResult(await subscribers.ListSubscriptionsOfSubscriberAsync(id, cancellationToken).ToListAsync(cancellationToken));

    /// <summary>GET /api/topics/{topicId}/subscriptions: who follows one topic.</summary>
    [Function("ListSubscriptionsOfTopic")]
    public async Task<IActionResult> ListSubscriptionsOfTopic(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "topics/{topicId}/subscriptions")] HttpRequest request, string topicId, CancellationToken cancellationToken) =>
        await topics.GetAsync(topicId, cancellationToken) is null
            ? Problems.NotFound($"Topic '{topicId}'")
            : new OkObjectResult(await subscribers.ListSubscriptionsAsync(topicId, cancellationToken).ToListAsync(cancellationToken));

    /// <summary>
    /// PUT /api/topics/{topicId}/subscriptions/{subscriberId}: body empty (every match, at once) or
    /// <c>{"threshold": 0.6, "cadence": "daily", "digestTime": "08:00", "digestDay": "monday", "urgentScore": 0.9, "followUps": true}</c>.
    /// </summary>
    [Function("PutSubscription")]
    public async Task<IActionResult> PutSubscription(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "topics/{topicId}/subscriptions/{subscriberId}")] HttpRequest request,
        string topicId,
        string subscriberId,
        CancellationToken cancellationToken)
    {
        if (await topics.GetAsync(topicId, cancellationToken) is null)
        {
            return Problems.NotFound($"Topic '{topicId}'");
        }

        if (await subscribers.GetAsync(subscriberId, cancellationToken) is null)
        {
            return Problems.NotFound($"Subscriber '{subscriberId}'");
        }

        var subscription = new Subscription(topicId, subscriberId);
        // JSON clients often send the body chunked, without a Content-Length.
        if (JsonBody.HasBody(request))
        {
            var (body, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.Subscription, cancellationToken);
            if (body is null)
            {
                return problem!;
            }

            subscription = body with { TopicId = topicId, SubscriberId = subscriberId };
            if (Problems.Invalid(SubscriptionRequestValidator.Instance, subscription) is { } invalid)
            {
                return invalid;
            }
        }

        await subscribers.UpsertSubscriptionAsync(subscription, cancellationToken);
        return new OkObjectResult(subscription);
    }

    /// <summary>DELETE /api/topics/{topicId}/subscriptions/{subscriberId}.</summary>
    [Function("DeleteSubscription")]
    public async Task<IActionResult> DeleteSubscription(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "topics/{topicId}/subscriptions/{subscriberId}")] HttpRequest request,
        string topicId,
        string subscriberId,
        CancellationToken cancellationToken) =>
        await subscribers.DeleteSubscriptionAsync(topicId, subscriberId, cancellationToken)
            ? new NoContentResult()
            : Problems.NotFound($"Subscription of '{subscriberId}' to '{topicId}'");

    /// <summary>GET /api/deliveries?max=100: the latest delivery outcomes, newest first.</summary>
    [Function("ListDeliveries")]
    public async Task<IActionResult> ListDeliveries(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "deliveries")] HttpRequest request, CancellationToken cancellationToken)
    {
        var max = int.TryParse(request.Query["max"], out var requested) ? Math.Clamp(requested, 1, 1000) : 100;
        return new OkObjectResult(await deliveries.ListRecentAsync(max, cancellationToken).ToListAsync(cancellationToken));
    }

    /// <summary>Restores the defaults the deserializer drops when the body omits them (threshold 0.5, empty lists).</summary>
    internal static WatchTopic CompleteTopic(WatchTopic topic, System.Text.Json.JsonElement json)
    {
        if (!JsonBody.Has(json, "threshold"))
        {
            topic = topic with { Threshold = new WatchTopic(topic.Id, topic.Name, topic.Query).Threshold };
        }

        return topic.Constraints is not { } constraints ? topic : topic with { Constraints = constraints.WithListsForNull() };
    }
}
