using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http.Pages;
using Alerts.Infrastructure.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// POST /api/links/fresh?t=: a genuine link that has expired buys a fresh preferences link, sent to the subscriber's
/// own address (never to one given here), so an old link cannot be used to reach anyone else.
/// </summary>
public sealed class FreshLink(ISubscriberStore subscribers, SubscriberLinks links, IEnumerable<Core.Delivery.IAlertChannel> channels)
{
    /// <summary>HTTP entry point, anonymous: the signed (if expired) token is the authorisation.</summary>
    [Function(nameof(FreshLink))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "links/fresh")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (state, grant) = links.Read(request.Query["t"].ToString());
        if (state == LinkState.Invalid || grant is null || await subscribers.GetAsync(grant.SubscriberId, cancellationToken) is not { } subscriber)
        {
            return LinkGate.NotGenuine();
        }

        if (subscriber.Channel != ChannelKind.Email || channels.OfType<EmailChannel>().FirstOrDefault() is not { } email)
        {
            return HtmlPage.Message(200, "Fresh links arrive with your next message", "Your alerts do not come by e-mail: the next Alerts message in your channel carries fresh links.");
        }

        var fresh = links.Url(new LinkGrant(subscriber.Id, LinkAction.Preferences, null, 0, default));
        var result = await email.SendLinkAsync(subscriber, fresh, cancellationToken);
        return result.Succeeded
            ? HtmlPage.Message(200, "A fresh link is on its way", "We have e-mailed a fresh link to your preferences to the address your alerts go to.")
            : HtmlPage.Message(502, "We could not send the e-mail", "Please try again later, or use the links in your next Alerts message.");
    }
}
