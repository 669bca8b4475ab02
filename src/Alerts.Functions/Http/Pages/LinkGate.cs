using Alerts.Core.Subscriptions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http.Pages;

/// <summary>
/// The door of every page a message links to: the signed token in <c>?t=</c> decides what the holder may do. A
/// forged or damaged link gets a plain refusal; a genuine one past its lifetime gets a page offering a fresh link.
/// </summary>
internal static class LinkGate
{
    /// <summary>The grant when the link is valid for <paramref name="allowed"/>; otherwise the page to answer with.</summary>
    public static (LinkGrant? Grant, IActionResult? Refusal) Open(HttpRequest request, SubscriberLinks links, params LinkAction[] allowed)
    {
        var token = request.Query["t"].ToString();
        var (state, grant) = links.Read(token);
        if (state == LinkState.Invalid || grant is null || !allowed.Contains(grant.Action))
        {
            return (null, NotGenuine());
        }

        if (state == LinkState.Expired)
        {
            var body = $"<p>Links in Alerts messages work for a limited time, and this one has run out.</p>" +
                       $"<p>We can e-mail you a fresh link to your preferences; every new Alerts message also carries fresh links.</p>" +
                       HtmlPage.Button($"links/fresh?t={Uri.EscapeDataString(token)}", "Send me a fresh link");
            return (null, HtmlPage.Render(410, "This link has expired", body));
        }

        return (grant, null);
    }

    /// <summary>The answer to a link this service did not sign (or that was changed on the way).</summary>
    public static IActionResult NotGenuine() =>
        HtmlPage.Message(400, "This link does not work", "The link is incomplete or was changed. Use the link from one of your Alerts messages as it arrived.");

    /// <summary>The same route and token, to post a confirmation back to.</summary>
    public static string Self(HttpRequest request, string route) => $"{route}?t={Uri.EscapeDataString(request.Query["t"].ToString())}";
}
