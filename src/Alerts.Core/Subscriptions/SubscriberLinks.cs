using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Subscriptions;

/// <summary>What a link in a message lets its holder do.</summary>
public enum LinkAction
{
    /// <summary>Open the preferences page.</summary>
    Preferences,

    /// <summary>Stop every alert (one click, RFC 8058).</summary>
    UnsubscribeAll,

    /// <summary>Leave one topic.</summary>
    UnsubscribeTopic,

    /// <summary>Hear nothing of one topic for some days.</summary>
    MuteTopic,

    /// <summary>Judge an alerted article not relevant to its topic.</summary>
    NotRelevant,

    /// <summary>Judge an alerted article a good example of its topic ("more like this").</summary>
    MoreLikeThis,
}

/// <summary>What a valid link grants.</summary>
/// <param name="SubscriberId">Whose link it is.</param>
/// <param name="Action">What it does.</param>
/// <param name="TopicId">The topic, for topic actions.</param>
/// <param name="MuteDays">For <see cref="LinkAction.MuteTopic"/>: how many days.</param>
/// <param name="Expires">When it stops working.</param>
public sealed record LinkGrant(string SubscriberId, LinkAction Action, string? TopicId, int MuteDays, DateTimeOffset Expires)
{
    /// <summary>For feedback: the article judged.</summary>
    public string? ArticleKey { get; init; }
}

/// <summary>How a link read.</summary>
public enum LinkState
{
    /// <summary>Signed by a known key and not expired.</summary>
    Valid,

    /// <summary>Genuine but past its lifetime: a fresh one can be sent to its owner.</summary>
    Expired,

    /// <summary>Not a link this service signed.</summary>
    Invalid,
}

/// <summary>The links one message carries.</summary>
/// <param name="Preferences">The preferences page.</param>
/// <param name="UnsubscribeAll">Stop everything.</param>
/// <param name="UnsubscribeTopic">Leave the message's topic (alerts only).</param>
/// <param name="MuteDay">Mute the topic for a day (alerts only).</param>
/// <param name="MuteWeek">Mute it for a week (alerts only).</param>
public sealed record ManageLinks(Uri Preferences, Uri UnsubscribeAll, Uri? UnsubscribeTopic, Uri? MuteDay, Uri? MuteWeek)
{
    /// <summary>"Not relevant": teaches the topic (alerts only).</summary>
    public Uri? NotRelevant { get; init; }

    /// <summary>"More like this": teaches the topic (alerts only).</summary>
    public Uri? MoreLikeThis { get; init; }
}

/// <summary>
/// Signed, expiring links for subscribers: the token carries the key id, the subscriber, the action, its topic and its
/// expiry, with an HMAC-SHA256 of all of it under the key that id names. Nothing is stored; keys rotate by id.
/// </summary>
public sealed class SubscriberLinks(IOptions<AlertsOptions> options, TimeProvider time)
{
    private const string Version = "v1";

    /// <summary>The links of a message to <paramref name="subscriberId"/> (about <paramref name="topicId"/>, for an alert); null without a public base URL.</summary>
    public ManageLinks? For(string subscriberId, string? topicId = null, string? articleKey = null)
    {
        if (options.Value.PublicBaseUrl is null)
        {
            return null;
        }

        Uri? Feedback(LinkAction action) => topicId is null || articleKey is null
            ? null
            : Url(new LinkGrant(subscriberId, action, topicId, 0, Expiry()) { ArticleKey = articleKey });
        return new ManageLinks(
            Url(new LinkGrant(subscriberId, LinkAction.Preferences, null, 0, Expiry())),
            Url(new LinkGrant(subscriberId, LinkAction.UnsubscribeAll, null, 0, Expiry())),
            topicId is null ? null : Url(new LinkGrant(subscriberId, LinkAction.UnsubscribeTopic, topicId, 0, Expiry())),
            topicId is null ? null : Url(new LinkGrant(subscriberId, LinkAction.MuteTopic, topicId, 1, Expiry())),
            topicId is null ? null : Url(new LinkGrant(subscriberId, LinkAction.MuteTopic, topicId, 7, Expiry())))
        {
            NotRelevant = Feedback(LinkAction.NotRelevant),
            MoreLikeThis = Feedback(LinkAction.MoreLikeThis),
        };
    }

    /// <summary>The URL of one grant, under the app's public base URL; a grant without an expiry gets a full lifetime.</summary>
    public Uri Url(LinkGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);

        var baseUrl = options.Value.PublicBaseUrl ?? throw new InvalidOperationException("Alerts:PublicBaseUrl is not set.");
        var route = grant.Action switch
        {
            LinkAction.Preferences => "api/preferences",
            LinkAction.MuteTopic => "api/mute",
            LinkAction.NotRelevant or LinkAction.MoreLikeThis => "api/feedback",
            _ => "api/unsubscribe",
        };
        return new Uri(new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/"), $"{route}?t={Token(grant)}");
    }

    /// <summary>The signed token of a grant; a grant without an expiry gets a full lifetime.</summary>
    public string Token(LinkGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (grant.Expires == default)
        {
            grant = grant with { Expires = Expiry() };
        }

        var settings = options.Value;
        var payload = Base64Url(Encoding.UTF8.GetBytes(string.Join('\n',
            grant.SubscriberId, grant.Action.ToString(), grant.TopicId ?? "", grant.MuteDays.ToString(CultureInfo.InvariantCulture),
            grant.Expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), grant.ArticleKey ?? "")));
        var signed = $"{Version}.{settings.SigningKeyId}.{payload}";
        return $"{signed}.{Signature(settings.UnsubscribeSigningKey, signed)}";
    }

    /// <summary>Reads a token: the grant when it is genuine (expired or not), and whether it still works.</summary>
    public (LinkState State, LinkGrant? Grant) Read(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 4 } || parts[0] != Version || KeyFor(parts[1]) is not { } key)
        {
            return (LinkState.Invalid, null);
        }

        var signed = $"{parts[0]}.{parts[1]}.{parts[2]}";
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Signature(key, signed)), Encoding.ASCII.GetBytes(parts[3])))
        {
            return (LinkState.Invalid, null);
        }

        string[] fields;
        try
        {
            fields = Encoding.UTF8.GetString(FromBase64Url(parts[2])).Split('\n');
        }
        catch (FormatException)
        {
            return (LinkState.Invalid, null);
        }

        if (fields.Length != 6 || !Enum.TryParse<LinkAction>(fields[1], out var action)
            || !int.TryParse(fields[3], CultureInfo.InvariantCulture, out var days)
            || !long.TryParse(fields[4], CultureInfo.InvariantCulture, out var expires))
        {
            return (LinkState.Invalid, null);
        }

        var grant = new LinkGrant(fields[0], action, fields[2].Length == 0 ? null : fields[2], days, DateTimeOffset.FromUnixTimeSeconds(expires))
        {
            ArticleKey = fields[5].Length == 0 ? null : fields[5],
        };
        return (grant.Expires > time.GetUtcNow() ? LinkState.Valid : LinkState.Expired, grant);
    }

    private DateTimeOffset Expiry() => time.GetUtcNow() + options.Value.LinkLifetime;

    private string? KeyFor(string keyId) =>
        keyId == options.Value.SigningKeyId ? options.Value.UnsubscribeSigningKey : options.Value.PreviousSigningKeys.GetValueOrDefault(keyId);

    private static string Signature(string key, string signed) =>
        Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(signed)).AsSpan(0, 20));

    private static string Base64Url(ReadOnlySpan<byte> bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded + new string('=', (4 - (padded.Length % 4)) % 4));
    }
}
