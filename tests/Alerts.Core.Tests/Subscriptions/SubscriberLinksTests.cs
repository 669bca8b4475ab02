using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>Signed, expiring links: what they grant, when they stop, and keys that rotate without breaking them.</summary>
public sealed class SubscriberLinksTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private SubscriberLinks Links(string keyId = "1", string key = "first-signing-key-0123456789", Dictionary<string, string>? previous = null) =>
        new(Options.Create(new AlertsOptions
        {
            PublicBaseUrl = new Uri("https://alerts.example.org/"),
            SigningKeyId = keyId,
            UnsubscribeSigningKey = key,
            PreviousSigningKeys = previous ?? [],
            LinkLifetime = TimeSpan.FromDays(30),
        }), _time);

    [Fact]
    public void For_AlertLinks_EachGrantsItsOwnActionOnItsTopic()
    {
        var links = Links();

        var set = links.For("ann", "war")!;

        Assert.Equal((LinkAction.Preferences, (string?)null), Granted(links, set.Preferences));
        Assert.Equal((LinkAction.UnsubscribeAll, (string?)null), Granted(links, set.UnsubscribeAll));
        Assert.Equal((LinkAction.UnsubscribeTopic, "war"), Granted(links, set.UnsubscribeTopic!));
        Assert.Equal((LinkAction.MuteTopic, "war"), Granted(links, set.MuteDay!));
        Assert.Equal(7, links.Read(Token(set.MuteWeek!)).Grant!.MuteDays);
        Assert.Equal("/api/mute", set.MuteDay!.AbsolutePath);
    }

    [Fact]
    public void Read_PastItsLifetime_IsExpiredButStillNamesItsOwner()
    {
        var links = Links();
        var token = Token(links.For("ann")!.Preferences);

        _time.Advance(TimeSpan.FromDays(31));
        var (state, grant) = links.Read(token);

        Assert.Equal(LinkState.Expired, state);
        Assert.Equal("ann", grant!.SubscriberId);
    }

    [Fact]
    public void Read_ChangedOrForeign_IsInvalid()
    {
        var links = Links();
        var token = Token(links.For("ann", "war")!.UnsubscribeTopic!);
        var parts = token.Split('.');
        var otherPayload = Token(links.For("bob", "war")!.UnsubscribeTopic!).Split('.')[2];

        Assert.Equal(LinkState.Invalid, links.Read($"{parts[0]}.{parts[1]}.{otherPayload}.{parts[3]}").State);
        Assert.Equal(LinkState.Invalid, links.Read(token[..^1]).State);
        Assert.Equal(LinkState.Invalid, links.Read(null).State);
        Assert.Equal(LinkState.Invalid, Links(key: "another-signing-key-0123456789").Read(token).State);
    }

    [Fact]
    public void Read_AfterAKeyRotation_OldLinksStillWorkWhileTheOldKeyIsKept()
    {
        var token = Token(Links().For("ann")!.Preferences);

        var rotated = Links("2", "second-signing-key-0123456789", new() { ["1"] = "first-signing-key-0123456789" });
        var forgotten = Links("2", "second-signing-key-0123456789");

        Assert.Equal(LinkState.Valid, rotated.Read(token).State);
        Assert.Equal(LinkState.Invalid, forgotten.Read(token).State);
        Assert.StartsWith("v1.2.", Token(rotated.For("ann")!.Preferences), StringComparison.Ordinal);
    }

    [Fact]
    public void For_WithoutAPublicBaseUrl_IsNull() =>
        Assert.Null(new SubscriberLinks(Options.Create(new AlertsOptions()), _time).For("ann"));

    private static (LinkAction, string?) Granted(SubscriberLinks links, Uri url)
    {
        var (state, grant) = links.Read(Token(url));
        Assert.Equal(LinkState.Valid, state);
        return (grant!.Action, grant.TopicId);
    }

    private static string Token(Uri url) => Uri.UnescapeDataString(url.Query[(url.Query.IndexOf("t=", StringComparison.Ordinal) + 2)..]);
}
