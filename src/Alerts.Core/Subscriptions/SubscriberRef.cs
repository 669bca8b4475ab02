using Alerts.Core.Text;

namespace Alerts.Core.Subscriptions;

/// <summary>
/// How logs name a subscriber: a short hash of the id (<c>s-3f9a2c71b0e4</c>), stable, so one subscriber's log lines
/// can be followed, but not the id itself, which an operator may have made from a name or an address.
/// </summary>
public static class SubscriberRef
{
    /// <summary>The log reference of a subscriber id.</summary>
    public static string For(string subscriberId) =>
        "s-" + ShortHash.Of(subscriberId ?? string.Empty, 6);
}
