using Alerts.LocalDev.Webhooks;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Alerts.Core.Topics.Query;
using Alerts.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Http;

/// <summary>The admin API on the real host: validation, round trips through storage, and changes the pipeline sees live.</summary>
public sealed class AdminApiTests(AzuriteFixture azurite, SharedHarness shared) : IClassFixture<SharedHarness>
{
    private const string RansomwareQuery = "ransomware (hospital* OR computer*)";

    [Fact]
    public async Task PutTopic_UnbalancedParenthesis_Returns400WithPosition()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();
        const string query = "(troops OR soldiers Kabul";
        var expected = Assert.Throws<QueryParseException>(() => QueryParser.Parse(query));

        var response = await client.PutAsJsonAsync("api/topics/kabul-troops", new { name = "Kabul troops", query }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        var message = Assert.Single(errors["query"]);
        Assert.Contains($"position {expected.Position}", message, StringComparison.Ordinal);
        Assert.Equal(["query"], errors.Keys);
        // The shared host holds other tests' topics: this one must not be among them.
        Assert.Null(await app.Services.GetRequiredService<ITopicStore>().GetAsync("kabul-troops", ct));
    }

    [Fact]
    public async Task PutTopic_ValidTopic_Returns200AndIsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var put = await client.PutAsJsonAsync(
            "api/topics/ransomware",
            new { name = "Ransomware", query = RansomwareQuery + " -@sport", threshold = 0.4, constraints = new { places = new[] { "Britain" } }, groups = new { sport = "football OR cricket" } },
            ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var stored = await put.JsonAsync(ct);
        Assert.Equal("ransomware", stored.RootElement.GetProperty("id").GetString());
        var list = await client.GetAsync("api/topics", ct);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        using var topics = await list.JsonAsync(ct);
        var topic = Assert.Single(topics.RootElement.EnumerateArray());
        Assert.Equal("ransomware", topic.GetProperty("id").GetString());
        Assert.Equal("Ransomware", topic.GetProperty("name").GetString());
        Assert.Equal(RansomwareQuery + " -@sport", topic.GetProperty("query").GetString());
        Assert.Equal("football OR cricket", topic.GetProperty("groups").GetProperty("sport").GetString());
        Assert.Equal(0.4, topic.GetProperty("threshold").GetDouble());
        Assert.Equal("Britain", Assert.Single(topic.GetProperty("constraints").GetProperty("places").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task PutTopic_IdInBodyDiffersFromRoute_RouteIdWins()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var put = await client.PutAsJsonAsync("api/topics/ransomware", new { id = "other", name = "Ransomware", query = RansomwareQuery }, ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var topics = await app.Services.GetRequiredService<ITopicStore>().ListAsync(ct).ToListAsync(ct);
        Assert.Equal("ransomware", Assert.Single(topics).Id);
    }

    [Theory]
    [InlineData("{\"query\": \"ransomware\"}", "name")]
    [InlineData("{\"name\": \"Ransomware\"}", "query")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware\", \"threshold\": 1.5}", "threshold")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"NOT ransomware\"}", "query")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware\", \"constraints\": {\"actorNationalities\": [\"Atlantean\"]}}", "constraints.actorNationalities[0]")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware\", \"places\": [\"Iraq\"]}", "places")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware -@sport\", \"groups\": {\"sport\": \"(football\"}}", "groups.sport")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware -@sports\", \"groups\": {\"sport\": \"football\"}}", "query")]
    [InlineData("{\"name\": \"Ransomware\", \"query\": \"ransomware\", \"constraints\": {\"organizations\": [\"NATO\"]}}", "constraints.organizations")]
    public async Task PutTopic_InvalidField_Returns400NamingField(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync("api/topics/ransomware", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task PutTopic_TopicAddedThroughApi_ScorerUsesItWithoutRestart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/subscribers/it-desk", new { name = "IT desk", channel = "email", address = "it-desk@example.org" }, ct)).StatusCode);

        // Before the topic exists the story alerts nobody.
        Assert.Equal("accepted", Assert.Single(await (await client.PushAsync(Api.Article(Stories.RansomwareStory), ct)).OutcomesAsync(ct)).Status);
        await app.WaitIdleAsync(ct);
        Assert.Empty(app.Smtp.Messages);

        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/topics/ransomware", new { name = "Ransomware", query = RansomwareQuery }, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("api/topics/ransomware/subscriptions/it-desk", null, ct)).StatusCode);
        Assert.Equal("accepted", Assert.Single(await (await client.PushAsync(Api.Article(Stories.SecondRansomwareStory), ct)).OutcomesAsync(ct)).Status);
        await app.WaitIdleAsync(ct);
        var email = Assert.Single(app.Smtp.Messages);
        Assert.Contains(Stories.SecondRansomwareStory.Title, email.Subject, StringComparison.Ordinal);
        Assert.Contains("it-desk@example.org", email.Recipients);
    }

    [Fact]
    public async Task PutTopic_ThresholdAndConstraintListsOmitted_StoresDefaults()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var put = await client.PutAsJsonAsync("api/topics/ransomware", new { name = "Ransomware", query = RansomwareQuery, constraints = new { places = new[] { "Britain" } } }, ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = Assert.Single(await app.Services.GetRequiredService<ITopicStore>().ListAsync(ct).ToListAsync(ct));
        Assert.Equal(new WatchTopic("x", "x", "x").Threshold, stored.Threshold);
        Assert.Equal(["Britain"], stored.Constraints!.Places);
        Assert.NotNull(stored.Constraints.ExcludePlaces);
        Assert.NotNull(stored.Constraints.Organisations);
        Assert.NotNull(stored.Constraints.ActorNationalities);
        Assert.NotNull(stored.Constraints.ExcludeActorNationalities);
    }

    [Fact]
    public async Task PutSubscriber_NewWithoutActiveField_IsActive()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var put = await client.PutAsJsonAsync("api/subscribers/reader", new { name = "Reader", channel = "email", address = "reader@example.org" }, ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True((await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("reader", ct))!.Active);
    }

    [Fact]
    public async Task PutSubscriber_EditAfterUnsubscribe_StaysInactiveUnlessActiveGiven()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        var store = app.Services.GetRequiredService<ISubscriberStore>();
        await store.UpsertAsync(new Subscriber("reader", "Reader", ChannelKind.Email, "reader@example.org") { Active = false }, ct);
        using var client = app.CreateApiClient();

        var rename = await client.PutAsJsonAsync("api/subscribers/reader", new { name = "Renamed reader", channel = "email", address = "reader@example.org" }, ct);

        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var renamed = await store.GetAsync("reader", ct);
        Assert.Equal("Renamed reader", renamed!.Name);
        Assert.False(renamed.Active);
        var reactivate = await client.PutAsJsonAsync("api/subscribers/reader", new { name = "Renamed reader", channel = "email", address = "reader@example.org", active = true }, ct);
        Assert.Equal(HttpStatusCode.OK, reactivate.StatusCode);
        Assert.True((await store.GetAsync("reader", ct))!.Active);
    }

    [Fact]
    public async Task DeleteTopic_ExistingTopic_Returns204ThenGone404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("api/topics/ransomware", new { name = "Ransomware", query = RansomwareQuery }, ct)).StatusCode);

        var first = await client.DeleteAsync("api/topics/ransomware", ct);
        var second = await client.DeleteAsync("api/topics/ransomware", ct);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        (await second.ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
        using var topics = await (await client.GetAsync("api/topics", ct)).JsonAsync(ct);
        Assert.Empty(topics.RootElement.EnumerateArray());
    }

    [Theory]
    [InlineData("{\"url\": \"ftp://feeds.example.org/rss\"}")]
    [InlineData("{\"url\": \"feeds/rss.xml\"}")]
    [InlineData("{\"name\": \"Wire\"}")]
    [InlineData("{\"url\": null}")]
    [InlineData("{\"url\": \"file:///etc/passwd\"}")]
    public async Task PutSource_InvalidUrl_Returns400NamingUrl(string body)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync("api/sources/wire", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["url"], errors.Keys);
        Assert.Null(await app.Services.GetRequiredService<ISourceStore>().GetAsync("wire", ct));
    }

    [Fact]
    public async Task PutSource_ValidUrl_Returns200AndIsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var put = await client.PutAsJsonAsync("api/sources/wire", new { url = "https://feeds.example.org/world.rss", name = "World wire" }, ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        using var sources = await (await client.GetAsync("api/sources", ct)).JsonAsync(ct);
        var source = Assert.Single(sources.RootElement.EnumerateArray());
        Assert.Equal("wire", source.GetProperty("id").GetString());
        Assert.Equal("https://feeds.example.org/world.rss", source.GetProperty("url").GetString());
        Assert.Equal("World wire", source.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("{\"name\": \"Reader\", \"channel\": \"email\", \"address\": \"not an address\"}", "address")]
    [InlineData("{\"name\": \"Reader\", \"channel\": \"email\"}", "address")]
    [InlineData("{\"channel\": \"email\", \"address\": \"reader@example.org\"}", "name")]
    [InlineData("{\"name\": \"Reader\", \"channel\": \"pigeon\", \"address\": \"reader@example.org\"}", "channel")]
    [InlineData("{\"name\": \"Room\", \"channel\": \"teams\", \"address\": \"room@example.org\"}", "address")]
    [InlineData("{\"name\": \"Room\", \"channel\": \"teams\", \"address\": \"ftp://hooks.example.org/room\"}", "address")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"/relative/hook\", \"secret\": \"0123456789abcdef0123\"}", "address")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"https://hooks.example.org/in\"}", "secret")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"https://hooks.example.org/in\", \"secret\": \"short\"}", "secret")]
    [InlineData("{\"name\": \"Two\", \"channel\": \"email\", \"address\": \"a@example.org, b@example.org\"}", "address")]
    [InlineData("{\"name\": \"Reader\", \"address\": \"reader@example.org\"}", "channel")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"http://hooks.example.org/in\", \"secret\": \"0123456789abcdef0123\"}", "address")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"https://169.254.169.254/latest\", \"secret\": \"0123456789abcdef0123\"}", "address")]
    [InlineData("{\"name\": \"Hook\", \"channel\": \"webhook\", \"address\": \"https://[::ffff:169.254.169.254]/\", \"secret\": \"0123456789abcdef0123\"}", "address")]
    [InlineData("{\"name\": \"Room\", \"channel\": \"teams\", \"address\": \"https://metadata.google.internal/computeMetadata\"}", "address")]
    public async Task PutSubscriber_InvalidField_Returns400NamingField(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync("api/subscribers/reader", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal([field], errors.Keys);
        Assert.Null(await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("reader", ct));
    }

    [Fact]
    public async Task PutSubscriber_UnknownChannel_ListsTheChannels()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync("api/subscribers/texter", Api.Json("{\"name\": \"Texter\", \"channel\": \"sms\", \"address\": \"+4412345\"}"), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal("must be one of email, teams, webhook", Assert.Single(errors["channel"]));
    }

    [Fact]
    public async Task TestSubscriber_WorkingAndDeadChannels_AnswerWithWhatThePeerSaid()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();

        using (var mail = await (await client.PostAsync("api/subscribers/mail-reader/test", null, ct)).JsonAsync(ct))
        {
            Assert.True(mail.RootElement.GetProperty("sent").GetBoolean());
            Assert.Contains("queued", mail.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Contains("Test alert from Alerts", Assert.Single(app.Smtp.Messages).Subject, StringComparison.Ordinal);

        app.Webhooks.Enqueue(SinkResponse.Status(404));
        var dead = await client.PostAsync("api/subscribers/teams-room/test", null, ct);
        using var problem = await dead.ProblemAsync(HttpStatusCode.BadGateway, ct);
        Assert.Contains("404", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(app.Webhooks.Requests);
        (await (await client.PostAsync("api/subscribers/nobody/test", null, ct)).ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
    }

    [Fact]
    public async Task Subscribers_ReadListAndDelete_WithTheirSubscriptions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var topicId = SampleTopics.AfghanistanForeignTroops.Id;

        using (var one = await (await client.GetAsync("api/subscribers/teams-room", ct)).JsonAsync(ct))
        {
            Assert.Equal("Teams room", one.RootElement.GetProperty("name").GetString());
            Assert.EndsWith("/***", one.RootElement.GetProperty("address").GetString(), StringComparison.Ordinal);
        }

        using (var all = await (await client.GetAsync("api/subscribers", ct)).JsonAsync(ct))
        {
            Assert.Equal(["mail-reader", "teams-room"], all.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()).Order());
        }

        using (var followed = await (await client.GetAsync("api/subscribers/mail-reader/subscriptions", ct)).JsonAsync(ct))
        {
            Assert.Equal(topicId, Assert.Single(followed.RootElement.EnumerateArray()).GetProperty("topicId").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("api/subscribers/mail-reader", ct)).StatusCode);

        using (var followers = await (await client.GetAsync($"api/topics/{topicId}/subscriptions", ct)).JsonAsync(ct))
        {
            Assert.Equal("teams-room", Assert.Single(followers.RootElement.EnumerateArray()).GetProperty("subscriberId").GetString());
        }

        (await (await client.GetAsync("api/subscribers/mail-reader", ct)).ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
        (await (await client.DeleteAsync("api/subscribers/mail-reader", ct)).ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
        (await (await client.GetAsync("api/topics/no-such-topic/subscriptions", ct)).ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
    }

    [Fact]
    public async Task PutSubscriber_PrivateAddressWithoutPrivateNetworks_Returns400NamingTheSetting()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite, new Dictionary<string, string?> { ["Alerts:Http:AllowPrivateNetworks"] = "false" });
        using var client = app.CreateApiClient();

        var response = await client.PutAsJsonAsync("api/subscribers/hook", new { name = "Hook", channel = "webhook", address = "https://10.0.0.1/in", secret = "0123456789abcdef0123" }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Contains("Alerts__Http__AllowPrivateNetworks", Assert.Single(errors["address"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-00:00:05")]
    [InlineData("01:00:00")]
    public async Task PutSource_FetchTimeoutOutOfRange_Returns400(string timeout)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsJsonAsync("api/sources/slow", new { url = "https://feeds.example.org/rss", name = "Slow", fetchTimeout = timeout }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Contains("between 00:00:01 and 00:10:00", Assert.Single(errors["fetchTimeout"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("webhook", "https://hooks.example.org/in/a8f3c2d9e1b7", "s3cr3t-signing-key-0f9e8d7c")]
    [InlineData("teams", "https://tenant.example.org/workflows/triggers/manual/paths/invoke?sig=Zx81kQp0w", null)]
    public async Task PutSubscriber_WebhookOrTeams_StoresCredentialsButNeverEchoesThem(string channel, string address, string? secret)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        using var client = app.CreateApiClient();

        var response = await client.PutAsJsonAsync("api/subscribers/hook", new { name = "Hook", channel, address, secret }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain(new Uri(address).PathAndQuery, body, StringComparison.Ordinal);
        Assert.DoesNotContain("a8f3c2d9e1b7", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Zx81kQp0w", body, StringComparison.Ordinal);
        if (secret is not null)
        {
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }

        using var json = JsonDocument.Parse(body);
        Assert.Equal(channel, json.RootElement.GetProperty("channel").GetString());
        var stored = await app.Services.GetRequiredService<ISubscriberStore>().GetAsync("hook", ct);
        Assert.Equal(address, stored!.Address);
        Assert.Equal(secret, stored.Secret);
    }

    [Fact]
    public async Task PutSubscription_UnknownTopicOrSubscriber_Returns404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        var topic = SampleTopics.AfghanistanForeignTroops.Id;

        var unknownTopic = await client.PutAsync("api/topics/no-such-topic/subscriptions/mail-reader", null, ct);
        var unknownSubscriber = await client.PutAsync($"api/topics/{topic}/subscriptions/no-such-reader", null, ct);

        using (var problem = await unknownTopic.ProblemAsync(HttpStatusCode.NotFound, ct))
        {
            Assert.Contains("no-such-topic", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using (var problem = await unknownSubscriber.ProblemAsync(HttpStatusCode.NotFound, ct))
        {
            Assert.Contains("no-such-reader", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var subscriptions = await app.Services.GetRequiredService<ISubscriberStore>().ListSubscriptionsAsync("no-such-topic", ct).ToListAsync(ct);
        Assert.Empty(subscriptions);
    }

    [Fact]
    public async Task PutSubscription_WithThreshold_StoredAndDeleteThen404()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        await app.Services.GetRequiredService<ISubscriberStore>().UpsertAsync(new Subscriber("analyst", "Analyst", ChannelKind.Email, "analyst@example.org"), ct);
        using var client = app.CreateApiClient();
        var route = $"api/topics/{SampleTopics.AfghanistanForeignTroops.Id}/subscriptions/analyst";
        var store = app.Services.GetRequiredService<ISubscriberStore>();

        var put = await client.PutAsJsonAsync(route, new { threshold = 0.8 }, ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var stored = Assert.Single(await store.ListSubscriptionsAsync(SampleTopics.AfghanistanForeignTroops.Id, ct).ToListAsync(ct), s => s.SubscriberId == "analyst");
        Assert.Equal(0.8, stored.Threshold);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(route, ct)).StatusCode);
        (await (await client.DeleteAsync(route, ct)).ProblemAsync(HttpStatusCode.NotFound, ct)).Dispose();
        Assert.DoesNotContain(await store.ListSubscriptionsAsync(SampleTopics.AfghanistanForeignTroops.Id, ct).ToListAsync(ct), s => s.SubscriberId == "analyst");
    }

    [Theory]
    [InlineData("{\"threshold\": 1.5}", "threshold")]
    [InlineData("{\"threshold\": -0.1}", "threshold")]
    [InlineData("{\"threshold\": \"high\"}", "threshold")]
    public async Task PutSubscription_InvalidThreshold_Returns400(string body, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();

        var response = await client.PutAsync($"api/topics/{SampleTopics.AfghanistanForeignTroops.Id}/subscriptions/mail-reader", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal([field], errors.Keys);
    }

    [Theory]
    [InlineData("{\"name\": \"A\", \"query\": 42}", "query", "must be text")]
    [InlineData("{\"name\": \"A\", \"query\": \"troops\", \"threshold\": \"high\"}", "threshold", "must be a number")]
    [InlineData("{\"name\": \"A\", \"query\": \"troops\", \"constraints\": {\"places\": [\"Japna\"]}}", "constraints.places[0]", "did you mean 'Japan'")]
    [InlineData("{\"name\": \"A\", \"query\": \"troops\", \"constraints\": {\"places\": [\"Texas\"], \"excludePlaces\": [\"United States\"]}}", "constraints.excludePlaces[0]", "takes in the required place 'Texas'")]
    public async Task PutTopic_WrongValue_SaysWhatIsExpectedWithoutTypeNames(string body, string field, string expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync("api/topics/wrong-values", Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        var message = Assert.Single(errors[field]);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Alerts.", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListDeliveries_AfterPushedAlert_ShowsSentOutcomePerSubscriber()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await PipelineHarness.StartAsync(azurite);
        await app.SeedSubscribersAsync(SampleTopics.AfghanistanForeignTroops, ct);
        using var client = app.CreateApiClient();
        using (var before = await (await client.GetAsync("api/deliveries", ct)).JsonAsync(ct))
        {
            Assert.Empty(before.RootElement.EnumerateArray());
        }

        var (key, _) = Assert.Single(await (await client.PushAsync(Api.Article(Feeds.KabulStory), ct)).OutcomesAsync(ct));
        await app.WaitIdleAsync(ct);
        var response = await client.GetAsync("api/deliveries?max=10", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var deliveries = await response.JsonAsync(ct);
        var records = deliveries.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, records.Count);
        var email = Assert.Single(records, r => r.GetProperty("subscriberId").GetString() == "mail-reader");
        var teams = Assert.Single(records, r => r.GetProperty("subscriberId").GetString() == "teams-room");
        Assert.Equal("sent", email.GetProperty("status").GetString());
        Assert.Equal("email", email.GetProperty("channel").GetString());
        Assert.Equal(key, email.GetProperty("articleKey").GetString());
        Assert.Equal(SampleTopics.AfghanistanForeignTroops.Id, email.GetProperty("topicId").GetString());
        Assert.Equal("sent", teams.GetProperty("status").GetString());
        Assert.Equal("teams", teams.GetProperty("channel").GetString());
    }

    [Theory]
    [InlineData("api/topics/Kabul_Troops", "{\"name\": \"Kabul\", \"query\": \"troops Kabul\"}")]
    [InlineData("api/topics/-leading-dash", "{\"name\": \"Kabul\", \"query\": \"troops Kabul\"}")]
    [InlineData("api/sources/World%20Wire", "{\"url\": \"https://feeds.example.org/world.rss\"}")]
    [InlineData("api/subscribers/READER", "{\"name\": \"Reader\", \"channel\": \"email\", \"address\": \"reader@example.org\"}")]
    [InlineData("api/subscribers/reader%2Eexample", "{\"name\": \"Reader\", \"channel\": \"email\", \"address\": \"reader@example.org\"}")]
    public async Task Put_InvalidId_Returns400NamingId(string route, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsync(route, Api.Json(body), ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["id"], errors.Keys);
    }

    [Fact]
    public async Task PutTopic_IdOver64Characters_Returns400NamingId()
    {
        var ct = TestContext.Current.CancellationToken;
        var app = shared.App; // answers only: the shared host
        using var client = app.CreateApiClient();

        var response = await client.PutAsJsonAsync("api/topics/" + new string('a', 65), new { name = "Long", query = "troops" }, ct);

        var errors = await response.ValidationErrorsAsync(ct);
        Assert.Equal(["id"], errors.Keys);
    }
}
