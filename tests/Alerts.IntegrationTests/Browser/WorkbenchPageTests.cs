using System.Net;
using System.Net.Http.Json;
using Alerts.Core.Workbench;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Alerts.IntegrationTests.Browser;

/// <summary>The topic workbench in a real browser: a mistake caught as it is typed, a preview, a judgment, a save, an alert.</summary>
public sealed class WorkbenchPageTests(AzuriteFixture azurite, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Tokyo = "Earthquake damages buildings in Tokyo";
    private const string Hokkaido = "Tsunami warning after earthquake off Hokkaido";

    [Fact]
    public async Task Workbench_WriteFixPreviewMarkAndSave_TheSavedTopicAlertsOnTheNextArticle()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        await PostTwoQuakesAsync(client, ct);
        await client.PutAsJsonAsync("api/subscribers/ann", new { name = "Ann", channel = "email", address = "ann@example.org" }, ct);
        await app.WaitIdleAsync(ct);

        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 420, Height = 900 } });
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Topic workbench" })).ToBeVisibleAsync();

        // A mistake is caught as it is typed, with its position.
        await page.GetByLabel("Id (lower-case letters, digits, dashes)").FillAsync("quakes-japan");
        await page.GetByLabel("Name shown in alerts").FillAsync("Earthquakes in Japan");
        await page.GetByLabel("Query").FillAsync("(earthquake* OR quake* (damage* OR killed OR injured)");
        await Assertions.Expect(page.Locator("#query-error")).ToContainTextAsync("position");

        // Fixed and restricted to Japan, the preview shows what it would catch and nearly catch.
        await page.GetByLabel("Query").FillAsync("(earthquake* OR quake*) (damage* OR killed OR injured OR Kobe)");
        await page.GetByLabel("Places (separated by semicolons; empty for anywhere)").FillAsync("Japan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#query-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 would alert, 1 near misses, of 2 articles" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("no word from group 2", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Read as names", new() { Exact = false })).ToContainTextAsync("Kobe");
        await Assertions.Expect(page.GetByText("Places read as", new() { Exact = false })).ToContainTextAsync("Japan → the country Japan");
        await Assertions.Expect(page.GetByText("What each word found in the stories that would alert", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".words-found li")).ToHaveTextAsync(["earthquake*: Earthquake (1), earthquake (1)", "damage*: damaged (1), damages (1)"]);

        // A judgment, then the save.
        await page.GetByRole(AriaRole.Button, new() { Name = "Relevant: " + Tokyo, Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("Marked relevant.")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Saved");
        Directory.CreateDirectory(PreferencesPageTests.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PreferencesPageTests.ScreenshotFolder, "workbench.png"), FullPage = true });

        // Reopened: the judgment is listed, and a missed article is explained with the change that catches it.
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench?topic=quakes-japan").AbsoluteUri);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tune “Earthquakes in Japan”" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("More like this: " + Tokyo)).ToBeVisibleAsync();
        await page.GetByLabel("Link", new() { Exact = true }).FillAsync("https://news.example.org/hokkaido");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await Assertions.Expect(page.Locator("#explanation")).ToContainTextAsync("no word from group 2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this change: add “tsunami” to group 2" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Query")).ToHaveValueAsync("(earthquake* OR quake*) (damage* OR killed OR injured OR Kobe OR tsunami)");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 would alert, 0 near misses, of 2 articles" })).ToBeVisibleAsync();

        var judgment = Assert.Single(await app.Services.GetRequiredService<IJudgmentStore>().ListAsync("quakes-japan", ct).ToListAsync(ct));
        Assert.True(judgment.Relevant);
        Assert.Equal(Tokyo, judgment.Title);

        // The saved topic alerts on the next article.
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("api/topics/quakes-japan/subscriptions/ann", null, ct)).StatusCode);
        await client.PostAsJsonAsync("api/articles", new { title = "Earthquake injures dozens in Kobe", link = "https://news.example.org/kobe", summary = "An earthquake injured dozens of people in Kobe, Japan, overnight." }, ct);
        await app.WaitIdleAsync(ct);
        Assert.Contains("Earthquake injures dozens in Kobe", Assert.Single(app.Smtp.Messages).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workbench_PreviewWithACategoryNoStoryHas_SaysWhichCategoriesTheStoriesHave()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("api/articles", new object[]
        {
            new { title = Tokyo, link = "https://news.example.org/tokyo", summary = "A strong earthquake damaged dozens of buildings in Tokyo, Japan, on Monday.", categories = new[] { "World" } },
            new { title = "Earthquake of a season for the Giants", link = "https://news.example.org/giants", summary = "The Giants shook the league.", categories = new[] { "Sports" } },
        }, ct);
        await app.WaitIdleAsync(ct);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench").AbsoluteUri);
        await page.GetByLabel("Id (lower-case letters, digits, dashes)").FillAsync("quakes");
        await page.GetByLabel("Name shown in alerts").FillAsync("Earthquakes");
        await page.GetByLabel("Query").FillAsync("earthquake* -category:Sports -category:Opinion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 would alert, 0 near misses, of 2 articles" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("category:Opinion matches no article here", new() { Exact = false })).ToContainTextAsync("(their categories: Sports, World)");
    }

    [Fact]
    public async Task Workbench_TuneAndSave_KeepsWhatTheFormDoesNotShow()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var put = await client.PutAsJsonAsync("api/topics/foreign-troops", new
        {
            name = "Foreign troops in Afghanistan",
            description = "Deployments of foreign forces",
            query = "troops Afghanistan",
            groups = new { forces = "troops OR soldiers" },
            constraints = new { places = new[] { "Afghanistan" }, excludeActorNationalities = new[] { "Afghanistan" }, organisations = new[] { "NATO" }, strict = true },
        }, ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench?topic=foreign-troops").AbsoluteUri);
        await Assertions.Expect(page.GetByLabel("Word groups (one per line: name = words, used as @name)")).ToHaveValueAsync("forces = troops OR soldiers");
        await page.GetByLabel("Query").FillAsync("(@forces OR marines) Afghanistan");
        // Emptied while the query still uses the group, the box says so rather than let "@forces" become a plain word.
        var groups = page.GetByLabel("Word groups (one per line: name = words, used as @name)");
        await groups.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-error")).ToContainTextAsync("The query still uses @forces");
        await groups.FillAsync("forces = troops OR soldiers");
        await page.GetByLabel("Places (separated by semicolons; empty for anywhere)").FillAsync("Afghanistan; Kabul, Afghanistan");
        await page.GetByLabel("Excluded places (separated by semicolons; empty for none)").FillAsync("Herat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Saved");
        // The preview the typing scheduled (400 ms after the last key) must not wipe what the save said.
        await page.WaitForTimeoutAsync(1000);
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Saved", new() { Timeout = 1 });

        var stored = Assert.Single(await app.Services.GetRequiredService<Core.Pipeline.ITopicStore>().ListAsync(ct).ToListAsync(ct));
        Assert.Equal("(@forces OR marines) Afghanistan", stored.Query);
        Assert.Equal("troops OR soldiers", stored.Groups!["forces"]);
        Assert.Equal("Deployments of foreign forces", stored.Description);
        Assert.Equal(["Afghanistan", "Kabul, Afghanistan"], stored.Constraints!.Places);
        Assert.Equal(["Herat"], stored.Constraints.ExcludePlaces);
        Assert.Equal(["Afghanistan"], stored.Constraints.ExcludeActorNationalities);
        Assert.Equal(["NATO"], stored.Constraints.Organisations);
        Assert.True(stored.Constraints.Strict);
    }

    [Fact]
    public async Task Workbench_EditWordGroups_MistakesNamedByLineAndTheSavedGroupsUsed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        await PostTwoQuakesAsync(client, ct);
        await app.WaitIdleAsync(ct);
        var page = await browser.Browser.NewPageAsync();
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench").AbsoluteUri);
        await page.GetByLabel("Id (lower-case letters, digits, dashes)").FillAsync("quakes");
        await page.GetByLabel("Name shown in alerts").FillAsync("Earthquakes");
        var groups = page.GetByLabel("Word groups (one per line: name = words, used as @name)");
        await page.GetByLabel("Query").FillAsync("earthquake* @harm");

        // A line that is no group is named before anything is sent; a name the API refuses is shown beside the groups.
        await groups.FillAsync("harm = damage* OR killed\ntsunami warnings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-error")).ToContainTextAsync("Line 2: write a group as its name");
        await groups.FillAsync("harm = damage* OR killed\nHarm = tsunami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-error")).ToContainTextAsync("Line 2: @Harm is already on line 1.");
        await groups.FillAsync("harm = damage* OR killed\n2nd = tsunami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-error")).ToContainTextAsync("@2nd: a group's name is a letter");

        // Fixed, the preview uses the group as written here, and the save stores it.
        await groups.FillAsync("@harm = damage* OR killed OR tsunami");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#groups-error")).ToBeEmptyAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2 would alert, 0 near misses, of 2 articles" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Saved");

        var stored = Assert.Single(await app.Services.GetRequiredService<Core.Pipeline.ITopicStore>().ListAsync(ct).ToListAsync(ct));
        Assert.Equal("damage* OR killed OR tsunami", Assert.Single(stored.Groups!, g => g.Key == "harm").Value);
        Assert.Single(stored.Groups!);

        // "I missed this" adds a word to the group the query uses by name: the query keeps @harm, the group changes.
        await client.PostAsJsonAsync("api/articles", new { title = "Earthquake floods coastal towns", link = "https://news.example.org/floods", summary = "Waves flooded towns after an earthquake in Japan." }, ct);
        await app.WaitIdleAsync(ct);
        await page.GotoAsync(new Uri(app.Host.BaseAddress, "api/workbench?topic=quakes").AbsoluteUri);
        await page.GetByLabel("Link", new() { Exact = true }).FillAsync("https://news.example.org/floods");
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this change: add “floods” to @harm (group 2)" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Query")).ToHaveValueAsync("earthquake* @harm");
        await Assertions.Expect(groups).ToHaveValueAsync("harm = damage* OR killed OR tsunami OR floods");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "3 would alert, 0 near misses, of 3 articles" })).ToBeVisibleAsync();
    }

    // Two stored stories: one a quake that damaged Tokyo, one a tsunami warning after a quake off Hokkaido.
    private static Task PostTwoQuakesAsync(HttpClient client, CancellationToken ct) =>
        client.PostAsJsonAsync("api/articles", new object[]
        {
            new { title = Tokyo, link = "https://news.example.org/tokyo", summary = "A strong earthquake damaged dozens of buildings in Tokyo, Japan, on Monday." },
            new { title = Hokkaido, link = "https://news.example.org/hokkaido", summary = "Japan issued a tsunami warning after a strong earthquake struck off Hokkaido." },
        }, ct);
}
