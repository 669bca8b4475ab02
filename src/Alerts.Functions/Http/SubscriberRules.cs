using System.Net.Mail;
using Alerts.Core.Subscriptions;

namespace Alerts.Functions.Http;

/// <summary>Checks subscribers and hides their credentials in responses.</summary>
internal static class SubscriberRules
{
    public static IEnumerable<(string Field, string Message)> Errors(Subscriber subscriber)
    {
        if (string.IsNullOrWhiteSpace(subscriber.Name))
        {
            yield return ("name", "The name is required.");
        }

        switch (subscriber.Channel)
        {
            case ChannelKind.Email when !MailAddress.TryCreate(subscriber.Address, out _):
                yield return ("address", "An e-mail subscriber needs a valid e-mail address.");
                break;
            case ChannelKind.Teams or ChannelKind.Webhook
                when !Uri.TryCreate(subscriber.Address, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"):
                yield return ("address", "A Teams or webhook subscriber needs an absolute https URL.");
                break;
            case ChannelKind.Webhook when string.IsNullOrEmpty(subscriber.Secret) || subscriber.Secret.Length < 16:
                yield return ("secret", "A webhook subscriber needs a signing secret of at least 16 characters.");
                break;
        }
    }

    /// <summary>The subscriber as the API shows it: webhook URLs and secrets are credentials and never echoed.</summary>
    public static Subscriber Redacted(Subscriber subscriber) => subscriber with
    {
        Address = subscriber.Channel == ChannelKind.Email ? subscriber.Address : RedactUrl(subscriber.Address),
        Secret = subscriber.Secret is null ? null : "***",
    };

    private static string RedactUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Host}/***" : "***";
}
