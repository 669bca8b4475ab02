using Alerts.Core.Subscriptions;
using System.Net;
using Alerts.Core.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Http;

/// <summary>
/// The unsubscribe link of every alert. GET shows a confirmation page (mail scanners follow GET links, so GET must
/// not unsubscribe); POST unsubscribes, which is also what mail clients' one-click button sends (RFC 8058).
/// </summary>
public sealed class Unsubscribe(ISubscriberStore subscribers, UnsubscribeLinks links, ILogger<Unsubscribe> logger)
{
    /// <summary>HTTP entry point, anonymous: the signed token is the authorisation.</summary>
    [Function(nameof(Unsubscribe))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var subscriberId = request.Query["s"].ToString();
        if (!links.IsValid(subscriberId, request.Query["t"]))
        {
            return Page(400, "This unsubscribe link is not valid.");
        }

        if (HttpMethods.IsGet(request.Method))
        {
            var action = $"?s={WebUtility.UrlEncode(subscriberId)}&t={WebUtility.UrlEncode(request.Query["t"])}";
            return Page(200, $"<form method=\"post\" action=\"{WebUtility.HtmlEncode(action)}\"><p>Stop all alerts to this address?</p><button type=\"submit\">Unsubscribe</button></form>", isHtml: true);
        }

        var subscriber = await subscribers.GetAsync(subscriberId, cancellationToken);
        if (subscriber is not null && subscriber.Active)
        {
            await subscribers.UpsertAsync(subscriber with { Active = false }, cancellationToken);
            logger.LogInformation("Subscriber {SubscriberRef} unsubscribed", SubscriberRef.For(subscriberId));
        }

        return Page(200, "You are unsubscribed and will receive no more alerts.");
    }

    private static ContentResult Page(int status, string body, bool isHtml = false) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = $"<!doctype html><meta charset=\"utf-8\"><title>Alerts</title><main>{(isHtml ? body : WebUtility.HtmlEncode(body))}</main>",
    };
}
