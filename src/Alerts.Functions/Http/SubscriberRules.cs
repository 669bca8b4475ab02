using System.Net.Mail;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Http;

namespace Alerts.Functions.Http;

/// <summary>Checks subscribers and hides their credentials in responses.</summary>
internal static class SubscriberRules
{
    public static IEnumerable<(string Field, string Message)> Errors(Subscriber subscriber, OutboundHttpOptions outbound, bool channelGiven)
    {
        if (string.IsNullOrWhiteSpace(subscriber.Name))
        {
            yield return ("name", "The name is required.");
        }

        if (!channelGiven)
        {
            yield return ("channel", "The channel is required: email, teams or webhook.");
            yield break;
        }

        switch (subscriber.Channel)
        {
            case ChannelKind.Email when !IsOneMailbox(subscriber.Address):
                yield return ("address", "An e-mail subscriber needs one valid e-mail address (for several people, add one subscriber each).");
                break;
            case ChannelKind.Teams or ChannelKind.Webhook when OutboundAddressRules.Problem(subscriber.Address, outbound) is { } problem:
                yield return ("address", $"The {(subscriber.Channel == ChannelKind.Teams ? "Teams" : "webhook")} address {problem}.");
                break;
            case ChannelKind.Webhook when string.IsNullOrEmpty(subscriber.Secret) || subscriber.Secret.Length < 16:
                yield return ("secret", "A webhook subscriber needs a signing secret of at least 16 characters.");
                break;
        }
    }

    // One mailbox, optionally with a display name ("Ann <ann@example.org>"); a list ("a@x, b@x") is several.
    private static bool IsOneMailbox(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && address.Count(c => c == '@') == 1
        && address.IndexOfAny([',', ';']) < 0
        && MailAddress.TryCreate(address, out _);

    /// <summary>The subscriber as the API shows it: webhook URLs and secrets are credentials and never echoed.</summary>
    public static Subscriber Redacted(Subscriber subscriber) => subscriber with
    {
        Address = subscriber.Channel == ChannelKind.Email ? subscriber.Address : RedactUrl(subscriber.Address),
        Secret = subscriber.Secret is null ? null : "***",
    };

    private static string RedactUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Host}/***" : "***";
}
