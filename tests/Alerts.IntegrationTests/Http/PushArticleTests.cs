using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Core.Delivery;
using Alerts.Core.Pipeline;
using Alerts.Core.Topics;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary><c>POST /api/articles</c> on the real host: admission, dedupe, delivery and every kind of bad request.</summary>
public sealed class PushArticleTests(AzuriteFixture azurite)
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    [Fact]
    public async Task PushArticle_MatchingArticle_AcceptedScoredAndEmailed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();

        var response = await client.PushAsync(Api.Article(Feeds.KabulStory), ct);

        var (key, status) = Assert.Single(await response.OutcomesAsync(ct));
        Assert.Equal("accepted", status);
        Assert.False(string.IsNullOrWhiteSpace(key));
        await app.WaitIdleAsync(ct);
        var email = Assert.Single(app.Smtp.Messages);
        Assert.Contains(Feeds.KabulStory.Title, email.Subject);
        Assert.Contains("reader@example.org", email.Recipients);
        var records = await app.Services.GetRequiredService<IDeliveryStore>().ListRecentAsync(10, ct).ToListAsync(ct);
        var record = Assert.Single(records, r => r.SubscriberId == "mail-reader");
        Assert.Equal(key, record.ArticleKey);
        Assert.Equal(DeliveryStatus.Sent, record.Status);
    }

    [Fact]
    public async Task PushArticle_FiledInAnExcludedCategory_IsStoredWithItButDoesNotAlert()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var topic = SampleTopics.AfghanistanForeignTroops with { Query = SampleTopics.AfghanistanForeignTroops.Query + " -category:Opinion" };
        await app.SeedSubscribersAsync(topic, ct);
        using var client = app.CreateApiClient();
        var column = new { title = Feeds.KabulStory.Title, link = Feeds.KabulStory.Link, summary = Feeds.KabulStory.Summary, categories = new[] { "Opinion", " Afghanistan " } };
        var report = new { title = "Georgian troops land in Kabul to guard the elections", link = "https://news.example.org/world/georgian-troops-kabul", summary = "Georgia's soldiers deployed in Afghanistan arrived in Kabul on Monday to secure the vote.", categories = new[] { "World" } };

        var response = await client.PushAsync(new[] { column, report }, ct);

        var outcomes = await response.OutcomesAsync(ct);
        Assert.All(outcomes, outcome => Assert.Equal("accepted", outcome.Status));
        await app.WaitIdleAsync(ct);
        var stored = await app.Services.GetRequiredService<IArticleStore>().GetAsync(outcomes[0].Key, ct);
        Assert.Equal(["Opinion", "Afghanistan"], stored?.Categories);
        var email = Assert.Single(app.Smtp.Messages);
        Assert.Contains("Georgian troops", email.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushArticle_UpdatedVersionOfATeaser_IsScoredAgainAndAlertsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var teaser = (Title: "Airport security: decision expected", Feeds.KabulStory.Link, Summary: "A decision on who guards the airport is expected today.");

        var (_, first) = Assert.Single(await (await client.PushAsync(Api.Article(teaser), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);
        var alertsAfterTeaser = app.Smtp.Messages.Count;
        var (_, second) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);
        var (_, third) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);

        Assert.Equal("accepted", first);
        Assert.Equal(0, alertsAfterTeaser);
        Assert.Equal("updated", second);
        Assert.Equal("duplicate", third);
        var email = Assert.Single(app.Smtp.Messages);
        Assert.Contains(Feeds.KabulStory.Title, email.Subject);
        Assert.Single(app.Webhooks.Requests);
    }

    [Fact]
    public async Task PushArticle_SameArticleTwice_SecondIsDuplicateAndNoSecondEmail()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var (firstKey, firstStatus) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);

        var (secondKey, secondStatus) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);

        Assert.Equal("accepted", firstStatus);
        Assert.Equal("duplicate", secondStatus);
        Assert.Equal(firstKey, secondKey);
        Assert.Single(app.Smtp.Messages);
        Assert.Single(app.Webhooks.Requests);
    }

    [Fact]
    public async Task PushArticle_BatchWithNewAndDuplicate_ReportsEachInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var (kabulKey, _) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);

        var response = await client.PushAsync(
            new[] { Api.Article(Feeds.KabulStory), Api.Article(Stories.HelmandStory), Api.Article(Feeds.MarketsStory), Api.Article(Stories.HelmandStory) }, ct);

        var outcomes = await response.OutcomesAsync(ct);
        Assert.Equal(["duplicate", "accepted", "accepted", "duplicate"], outcomes.Select(o => o.Status));
        Assert.Equal(kabulKey, outcomes[0].Key);
        Assert.Equal(outcomes[1].Key, outcomes[3].Key);
        Assert.Equal(3, outcomes.Select(o => o.Key).Distinct().Count());
        await app.WaitIdleAsync(ct);
        Assert.Equal(2, app.Smtp.Messages.Count);
        Assert.Single(app.Smtp.Messages, m => m.Subject.Contains(Stories.HelmandStory.Title, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushArticle_MissingTitle_Returns400NamingTitle()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PushAsync(new { link = Feeds.KabulStory.Link, summary = Feeds.KabulStory.Summary }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["title"], errors.Keys);
    }

    [Fact]
    public async Task PushArticle_BatchWithSecondTitleMissing_Returns400NamingIndexAndAdmitsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PushAsync(new object[] { Api.Article(Feeds.KabulStory), new { title = "  ", link = Feeds.MarketsStory.Link } }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["[1].title"], errors.Keys);

        // The valid first article was not stored either: pushing it now is new, not a duplicate.
        var (_, status) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        Assert.Equal("accepted", status);
    }

    [Theory]
    [InlineData("kabul-airport-story")]
    [InlineData("ftp://news.example.org/story")]
    [InlineData("javascript:alert(1)")]
    public async Task PushArticle_BadLink_Returns400NamingLink(string link)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PushAsync(new { title = Feeds.KabulStory.Title, link }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["link"], errors.Keys);
    }

    [Fact]
    public async Task PushArticle_NeitherLinkNorId_Returns400ButAnIdAlone_IsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var withoutEither = await client.PushAsync(new { title = Feeds.KabulStory.Title, summary = Feeds.KabulStory.Summary }, ct);
        var withId = await client.PushAsync(new { title = Feeds.KabulStory.Title, id = "desk-report-17" }, ct);

        var errors = await withoutEither.ValidationErrorsAsync(ct);
        Assert.Contains("how a later version replaces it", Assert.Single(errors["link"]), StringComparison.Ordinal);
        Assert.Equal("accepted", Assert.Single(await withId.OutcomesAsync(ct)).Status);
    }

    [Theory]
    [InlineData("{\"title\": \"Unclosed")]
    [InlineData("{\"title\": \"a\",}")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task PushArticle_MalformedJson_Returns400(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("api/articles", Api.Json(body), ct);

        using var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, ct);
        Assert.Equal("Malformed JSON", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task PushArticle_WrongContentType_Returns415(string mediaType)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        using var content = new StringContent("{\"title\": \"Troops in Kabul\"}", Encoding.UTF8, mediaType);

        var response = await client.PostAsync("api/articles", content, ct);

        (await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, ct)).Dispose();
    }

    [Fact]
    public async Task PushArticle_BodyWithoutContentType_Returns415SayingWhatToSend()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"title\": \"Troops in Kabul\"}"));

        var response = await client.PostAsync("api/articles", content, ct);

        using var problem = await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, ct);
        Assert.Contains("Content-Type: application/json", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushArticle_BodyOverLimitWithContentLength_Returns413()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var body = OversizedArticle(MaxBodyBytes + 1);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("api/articles", content, ct);

        Assert.Equal(MaxBodyBytes + 1, content.Headers.ContentLength);
        (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, ct)).Dispose();
    }

    [Fact]
    public async Task PushArticle_ChunkedBodyOverLimit_Returns413()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles")
        {
            Content = new StreamContent(new UnknownLengthStream(OversizedArticle(MaxBodyBytes + 1))),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request, ct);

        Assert.Null(request.Content.Headers.ContentLength);
        (await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, ct)).Dispose();
    }

    [Fact]
    public async Task PushArticle_ChunkedBodyUnderLimit_IsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var body = Encoding.UTF8.GetBytes($"{{\"title\": \"{Feeds.MarketsStory.Title}\", \"link\": \"{Feeds.MarketsStory.Link}\"}}");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StreamContent(new UnknownLengthStream(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request, ct);

        var (_, status) = Assert.Single(await response.OutcomesAsync(ct));
        Assert.Equal("accepted", status);
    }

    [Fact]
    public async Task PushArticle_BatchOf101_Returns413AndAdmitsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var batch = Enumerable.Range(0, ArticleSubmissions.MaxBatchSize + 1)
            .Select(i => new { title = $"Story number {i}", link = $"https://news.example.org/stories/{i}" })
            .ToArray();

        var response = await client.PushAsync(batch, ct);

        using var problem = await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge, ct);
        Assert.Contains("101", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var (_, status) = Assert.Single(await (await client.PushAsync(batch[0], ct)).OutcomesAsync(ct));
        Assert.Equal("accepted", status);
    }

    [Fact]
    public async Task PushArticle_BatchOf100_IsAccepted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var batch = Enumerable.Range(0, ArticleSubmissions.MaxBatchSize)
            .Select(i => new { title = $"Story number {i}", link = $"https://news.example.org/stories/{i}" })
            .ToArray();

        var response = await client.PushAsync(batch, ct);

        var outcomes = await response.OutcomesAsync(ct);
        Assert.Equal(ArticleSubmissions.MaxBatchSize, outcomes.Count);
        Assert.All(outcomes, outcome => Assert.Equal("accepted", outcome.Status));
    }

    [Theory]
    [InlineData("null", "")]
    [InlineData("42", "")]
    [InlineData("\"a headline\"", "")]
    [InlineData("[{\"title\": \"Troops in Kabul\"}, null]", "[1]")]
    [InlineData("[{\"title\": \"Troops in Kabul\"}, 7]", "[1]")]
    [InlineData("[[{\"title\": \"Troops in Kabul\"}]]", "[0]")]
    [InlineData("[]", "")]
    public async Task PushArticle_NullOrNonObject_Returns400NamingElement(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("api/articles", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("{\"title\": 12}", "title")]
    [InlineData("{\"title\": \"Troops\", \"published\": \"yesterday\"}", "published")]
    [InlineData("[{\"title\": \"Troops\"}, {\"title\": \"More\", \"authors\": \"one\"}]", "[1].authors")]
    [InlineData("{\"title\": \"Troops\", \"link\": \"https://news.example.org/t\", \"categories\": \"Sports\"}", "categories")]
    public async Task PushArticle_WrongFieldType_Returns400NamingField(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("api/articles", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task PushArticle_TitleOfMarkupOrTooManyAuthors_Returns400AndStoresNothingOfTheBatch()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        var authors = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"Author {i}\""));

        var response = await client.PostAsync(
            "api/articles",
            Api.Json($"[{{\"title\": \"A fine story\", \"link\": \"https://news.example.org/fine\"}}, {{\"title\": \"<br>&nbsp;\", \"link\": \"https://news.example.org/markup\"}}, {{\"title\": \"Crowded\", \"link\": \"https://news.example.org/crowded\", \"authors\": [{authors}]}}]"),
            ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["[1].title", "[2].authors"], errors.Keys.Order());
        Assert.Equal("The title has no text, only markup.", Assert.Single(errors["[1].title"]));
        Assert.Null(await app.Services.GetRequiredService<Alerts.Core.Pipeline.IArticleStore>().GetAsync(
            Alerts.Core.Ingestion.ArticleIdentity.KeyFor("https://news.example.org/fine", null, "A fine story", null), ct));
    }

    [Fact]
    public async Task PushArticle_EmptyCategory_Returns400SayingWhatACategoryIs()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PostAsync("api/articles", Api.Json("{\"title\": \"Troops\", \"link\": \"https://news.example.org/t\", \"categories\": [\"World\", \" \"]}"), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal($"At most {ArticleSubmissions.MaxCategories} categories, each a section's name (\"Sports\") of 1 to {ArticleSubmissions.MaxNameLength} characters.", Assert.Single(errors["categories"]));
    }

    private static byte[] OversizedArticle(int size)
    {
        // A valid article whose summary pads the body to exactly `size` bytes, so only its size is wrong.
        var prefix = "{\"title\": \"Troops in Kabul\", \"summary\": \"";
        const string suffix = "\"}";
        return Encoding.UTF8.GetBytes(prefix + new string('a', size - prefix.Length - suffix.Length) + suffix);
    }

    /// <summary>A read-only stream that does not know its length, so the client must send the body chunked.</summary>
    private sealed class UnknownLengthStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            _inner.ReadAsync(buffer, offset, count, cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            _inner.ReadAsync(buffer, cancellationToken);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
