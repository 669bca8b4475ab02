using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Core.Workbench;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary>Previews on the real host: pushed articles kept for the workbench, and a topic tried on them before it is saved.</summary>
public sealed class TopicPreviewTests(AzuriteFixture azurite)
{
    private static readonly object Quakes = new
    {
        name = "Earthquakes in Japan",
        query = "(earthquake* OR quake*) (damage* OR killed OR injured OR collapsed)",
        constraints = new { places = new[] { "Japan" } },
    };

    [Fact]
    public async Task PreviewTopic_PushedArticles_AnswersAlertsNearMissesWithReasonsAndSuggestions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("api/articles", new object[]
        {
            new { title = "Earthquake damages buildings in Tokyo", link = "https://news.example.org/tokyo", summary = "A strong earthquake damaged dozens of buildings in Tokyo, Japan, on Monday; tsunami warnings were lifted." },
            new { title = "Earthquake in Chile: 5 killed", link = "https://news.example.org/chile", summary = "An earthquake killed five people in northern Chile, officials in Santiago said; a tsunami alert followed." },
            new { title = "Tsunami warning after earthquake off Hokkaido", link = "https://news.example.org/hokkaido", summary = "Japan issued a tsunami warning after a strong earthquake struck off Hokkaido." },
        }, ct);
        await app.WaitIdleAsync(ct);

        var response = await client.PostAsJsonAsync("api/topics/preview?days=3", Quakes, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = preview.RootElement;
        Assert.Equal(3, root.GetProperty("scanned").GetInt32());
        Assert.Equal("Earthquake damages buildings in Tokyo", Assert.Single(root.GetProperty("alerts").EnumerateArray()).GetProperty("title").GetString());
        var reasons = root.GetProperty("nearMisses").EnumerateArray().ToDictionary(m => m.GetProperty("title").GetString()!, m => m.GetProperty("why").GetString()!);
        Assert.StartsWith("constraint: ", reasons["Earthquake in Chile: 5 killed"], StringComparison.Ordinal);
        Assert.StartsWith("no word from group 2", reasons["Tsunami warning after earthquake off Hokkaido"], StringComparison.Ordinal);
        Assert.Contains(root.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("term").GetString() == "tsunami");
        Assert.StartsWith("What each word found in the stories that would alert", root.GetProperty("wordsFoundHeading").GetString(), StringComparison.Ordinal);
        var found = root.GetProperty("wordsFound").EnumerateArray().ToDictionary(w => w.GetProperty("word").GetString()!, w => w.GetProperty("forms").EnumerateArray().Select(f => f.GetProperty("text").GetString() + " " + f.GetProperty("articles").GetInt32()).ToList());
        Assert.Equal(["Earthquake 1", "earthquake 1"], found["earthquake*"]);
        Assert.Equal(["damaged 1", "damages 1"], found["damage*"]);
        Assert.Empty(await app.Services.GetRequiredService<Alerts.Core.Pipeline.ITopicStore>().ListAsync(ct).ToListAsync(ct));
    }

    [Fact]
    public async Task PreviewTopic_CategoriesOfStoredArticles_NarrowItAndOneNoStoryHasIsNamed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("api/articles", new object[]
        {
            new { title = "Earthquake damages buildings in Tokyo", link = "https://news.example.org/tokyo", summary = "A strong earthquake hit Tokyo.", categories = new[] { "World" } },
            new { title = "Earthquake of a season for the Tokyo Giants", link = "https://news.example.org/giants", summary = "The Giants shook the league.", categories = new[] { "Sports" } },
        }, ct);
        await app.WaitIdleAsync(ct);

        var response = await client.PostAsJsonAsync("api/topics/preview?days=3", new { name = "Quakes", query = "earthquake* -category:sport -category:Opinion" }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = preview.RootElement;
        Assert.Equal("Earthquake damages buildings in Tokyo", Assert.Single(root.GetProperty("alerts").EnumerateArray()).GetProperty("title").GetString());
        Assert.Equal("category:Opinion matches no article here (their categories: Sports, World)", root.GetProperty("categories").GetString());
    }

    [Fact]
    public async Task ExplainMissedArticle_StoredLinkOrPastedText_SaysWhyAndWhichChangeCatchesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/topics/quakes-japan", Quakes, ct)).StatusCode);
        await client.PostAsJsonAsync("api/articles", new { title = "Tsunami warning after earthquake off Hokkaido", link = "https://news.example.org/hokkaido", summary = "Japan issued a tsunami warning after a strong earthquake struck off Hokkaido." }, ct);
        await app.WaitIdleAsync(ct);

        var byLink = await client.PostAsJsonAsync("api/topics/quakes-japan/missed", new { link = "https://news.example.org/hokkaido?utm_source=mail" }, ct);
        var byText = await client.PostAsJsonAsync("api/topics/quakes-japan/missed", new { title = "Quake in Chile kills 3", summary = "A quake killed three people near Santiago, Chile." }, ct);
        var unknown = await client.PostAsJsonAsync("api/topics/quakes-japan/missed", new { link = "https://news.example.org/never-seen" }, ct);
        var noTopic = await client.PostAsJsonAsync("api/topics/nothing-here/missed", new { link = "https://news.example.org/hokkaido" }, ct);

        Assert.Equal(HttpStatusCode.OK, byLink.StatusCode);
        using (var missed = JsonDocument.Parse(await byLink.Content.ReadAsStringAsync(ct)))
        {
            Assert.False(missed.RootElement.GetProperty("alerted").GetBoolean());
            Assert.StartsWith("no word from group 2", missed.RootElement.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(missed.RootElement.GetProperty("changes").EnumerateArray(), c => c.GetProperty("change").GetString() == "add “tsunami” to group 2");
        }

        using (var pasted = JsonDocument.Parse(await byText.Content.ReadAsStringAsync(ct)))
        {
            Assert.StartsWith("constraint: ", pasted.RootElement.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("paste its title and text", Assert.Single((await unknown.ValidationErrorsAsync(ct))["link"]), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noTopic.StatusCode);
    }

    [Theory]
    [InlineData("api/topics/preview", "{\"name\": \"Quakes\", \"query\": \"(earthquake OR quake\"}", "query", "position")]
    [InlineData("api/topics/preview?days=0", "{\"name\": \"Quakes\", \"query\": \"earthquake\"}", "days", "from 1 to 14")]
    [InlineData("api/topics/preview?days=a-week", "{\"name\": \"Quakes\", \"query\": \"earthquake\"}", "days", "whole number")]
    public async Task PreviewTopic_Mistakes_AreRefusedInWords(string route, string body, string field, string words)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync(route, Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Contains(words, Assert.Single(errors[field]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SemanticSignalOn_IntakeKeepsEachArticlesEmbedding_AndThePreviewUsesIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["Alerts:Scoring:Semantic"] = "true" });
        using var client = app.CreateApiClient();
        await client.PostAsJsonAsync("api/articles", new { title = "Strong tremor shakes Tokyo", link = "https://news.example.org/tremor", summary = "Buildings in Tokyo swayed as a powerful tremor struck eastern Japan." }, ct);
        await app.WaitIdleAsync(ct);

        var stored = Assert.Single(await app.Services.GetRequiredService<IRecentArticles>().ListSinceAsync(DateTimeOffset.UtcNow.AddDays(-1), ct).ToListAsync(ct));
        var response = await client.PostAsJsonAsync("api/topics/preview?days=1", new
        {
            name = "Earthquakes in Japan",
            description = "Earthquakes and tremors that strike Japan: damage, casualties, tsunami warnings.",
            query = "(earthquake* OR quake*) (damage* OR killed OR injured)",
        }, ct);

        Assert.Equal(384, Embeddings.Decode(stored.Embedding)!.Length);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var preview = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var near = Assert.Single(preview.RootElement.GetProperty("nearMisses").EnumerateArray());
        Assert.StartsWith("close in meaning to the topic", near.GetProperty("why").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecentArticles_NewVersion_ReplacesTheOldInItsDay()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var recent = app.Services.GetRequiredService<IRecentArticles>();
        var seen = DateTimeOffset.UtcNow.AddDays(-2);
        var first = new Alerts.Core.Articles.Article("k1", "wire", "First headline", "https://news.example.org/1", "Summary.", new string('x', 20_000), seen) { FirstSeen = seen };

        await recent.AddAsync(first, ct);
        await recent.AddAsync(first with { Title = "Second headline" }, ct);
        await recent.AddAsync(first with { Key = "old", FirstSeen = seen.AddDays(-10) }, ct);
        var listed = await recent.ListSinceAsync(DateTimeOffset.UtcNow.AddDays(-3), ct).ToListAsync(ct);

        var kept = Assert.Single(listed);
        Assert.Equal("Second headline", kept.Title);
        Assert.Equal(IRecentArticles.MaxContentChars, kept.Content!.Length);
    }
}
