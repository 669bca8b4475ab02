using Alerts.Core.Subscriptions;

namespace Alerts.Functions.Http;

/// <summary>Subscribers as the API shows them: webhook URLs and secrets are credentials and never echoed.</summary>
internal static class SubscriberView
{
    public static Subscriber Redacted(Subscriber subscriber) => subscriber with
    {
        Address = subscriber.Channel == ChannelKind.Email ? subscriber.Address : RedactUrl(subscriber.Address),
        Secret = subscriber.Secret is null ? null : "***",
    };

    private static string RedactUrl(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) ? $"{url.Scheme}://{url.Host}/***" : "***";
}
