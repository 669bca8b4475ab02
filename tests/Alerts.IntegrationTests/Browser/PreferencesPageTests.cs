using System.Net.Http.Json;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Http;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Alerts.IntegrationTests.Browser;

/// <summary>
/// A subscriber's own path in a real browser: the preferences link of a delivered e-mail, the cadence changed to a
/// daily digest, and the next match arriving in the digest instead of at once.
/// </summary>
public sealed class PreferencesPageTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly WatchTopic Topic = SampleTopics.AfghanistanForeignTroops;

    /// <summary>Where the screenshots go (docs/channels.md shows copies of them).</summary>
    public static string ScreenshotFolder => Path.Combine(AppContext.BaseDirectory, "screenshots");

    [Fact]
    public async Task PreferencesLinkFromAnEmail_ChangeToDailyDigest_NextMatchWaitsForTheDigest()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = new ShiftedTimeProvider();
        await using var app = await PipelineHarness.StartAsync(azurite, configureServices: services => services.AddSingleton<TimeProvider>(clock));
        await app.SeedSubscribersAsync(Topic, ct);
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("api/articles", Api.Article(Feeds.KabulStory), ct);
        await app.WaitIdleAsync(ct);
        var alert = Assert.Single(app.Smtp.Messages);
        var preferences = new Uri(app.Host.BaseAddress, PreferencesLink(alert.TextBody!).PathAndQuery);

        // The subscriber opens the link, chooses a daily digest at 07:30 Paris time, and saves.
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        await page.GotoAsync(preferences.AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your Alerts preferences" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("by e-mail at reader@example.org")).ToBeVisibleAsync();
        await page.GetByLabel("Time zone").SelectOptionAsync("Europe/Paris");
        await page.GetByLabel("How often").SelectOptionAsync("daily");
        await page.GetByLabel("Digest time (daily and weekly)").FillAsync("07:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your preferences are saved.");
        await Assertions.Expect(page.GetByLabel("How often")).ToHaveValueAsync("daily");
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "preferences.png"), FullPage = true });

        var subscribers = app.Services.GetRequiredService<ISubscriberStore>();
        Assert.Equal("Europe/Paris", (await subscribers.GetAsync("mail-reader", ct))!.TimeZone);
        var subscription = (await subscribers.GetSubscriptionAsync(Topic.Id, "mail-reader", ct))!;
        Assert.Equal((Cadence.Daily, "07:30"), (subscription.Cadence, subscription.DigestTime));

        // A matching article now waits for the digest; the Teams room, still immediate, has it at once.
        await client.PostAsJsonAsync("api/articles", Api.Article(Stories.HelmandStory), ct);
        await app.WaitIdleAsync(ct);
        Assert.Single(app.Smtp.Messages);
        Assert.Equal(2, app.Webhooks.Requests.Count);
        var held = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);
        Assert.Contains(held, record => record is { SubscriberId: "mail-reader", Status: DeliveryStatus.Held });

        // The next morning the digest brings it.
        clock.Advance(TimeSpan.FromDays(1));
        await app.Host.RunNowAsync("SendDigests", ct);
        await app.WaitIdleAsync(ct);
        var digest = app.Smtp.Messages[^1];
        Assert.Equal(2, app.Smtp.Messages.Count);
        Assert.Equal($"[Alerts] Digest: 1 alert on {Topic.Name}", digest.Subject);
        Assert.Contains(Stories.HelmandStory.Title, digest.TextBody, StringComparison.Ordinal);

        // How the digest reads in a mail client that shows HTML, for the docs.
        var mail = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 720, Height = 320 } });
        await mail.SetContentAsync(digest.HtmlBody!);
        await Assertions.Expect(mail.GetByRole(AriaRole.Link, new() { Name = Stories.HelmandStory.Title })).ToBeVisibleAsync();
        await mail.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, "digest-email.png"), FullPage = true });
    }

    private static Uri PreferencesLink(string text)
    {
        const string label = "Preferences: ";
        var line = text.Split('\n').Single(line => line.StartsWith(label, StringComparison.Ordinal));
        return new Uri(line[label.Length..].Trim());
    }
}
