using Alerts.Core.Ingestion;
using Alerts.Infrastructure.Stories;
using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.Infrastructure.Tests.Stories;

public sealed class TableStoryIndexTests(AzuriteFixture azurite)
{
    private static readonly StoryFingerprint Wire = StoryFingerprint.Compute(StoryTexts.WireTitle, StoryTexts.WireSummary);
    private static readonly StoryFingerprint SecondOutlet = StoryFingerprint.Compute(StoryTexts.SecondOutletTitle, StoryTexts.SecondOutletSummary);
    private static readonly StoryFingerprint Other = StoryFingerprint.Compute(StoryTexts.AirportReopensTitle, StoryTexts.AirportReopensSummary);

    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindOrAddAsync_CopyFromSecondOutlet_JoinsFirstStory()
    {
        // Arrange
        var index = NewIndex(NewTable());
        var first = await index.FindOrAddAsync("ka", Wire, Ct);
        time.Advance(TimeSpan.FromMinutes(5));

        // Act
        var copy = await index.FindOrAddAsync("kb", SecondOutlet, Ct);
        var unrelated = await index.FindOrAddAsync("kc", Other, Ct);

        // Assert
        Assert.Null(first);
        Assert.Equal("ka", copy);
        Assert.Null(unrelated);
    }

    [Fact]
    public async Task FindOrAddAsync_Redelivered_SameAnswer()
    {
        // Arrange
        var table = NewTable();
        await NewIndex(table).FindOrAddAsync("ka", Wire, Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await NewIndex(table).FindOrAddAsync("kb", SecondOutlet, Ct);

        // Act: another instance handles the same messages again later.
        time.Advance(TimeSpan.FromMinutes(1));
        var rootAgain = await NewIndex(table).FindOrAddAsync("ka", Wire, Ct);
        var copyAgain = await NewIndex(table).FindOrAddAsync("kb", SecondOutlet, Ct);

        // Assert
        Assert.Null(rootAgain);
        Assert.Equal("ka", copyAgain);
    }

    [Fact]
    public async Task FindOrAddAsync_NewArticle_ReadsNothingBeforePublishing()
    {
        // Arrange: a table client that counts its requests by method.
        var requests = new RequestCounter();
        var table = CountedTable(requests);
        var index = NewIndex(table);
        await index.FindOrAddAsync("warmup", Other, Ct);
        requests.Clear();

        // Act
        var story = await index.FindOrAddAsync("ka", Wire, Ct);

        // Assert: its own row (for the decision), then a band value nobody published takes one insert (its head) and no
        // read: eight heads and the decision.
        Assert.Null(story);
        Assert.Equal(9, requests.Count("POST"));
        Assert.Equal(0, requests.Count("GET"));
        Assert.Equal(1, requests.Count("PATCH") + requests.Count("PUT") + requests.Count("MERGE"));
    }

    [Fact]
    public async Task FindOrAddAsync_CopyOfANewStory_ReadsOnlyTheBandsItShares()
    {
        // Arrange
        var requests = new RequestCounter();
        var table = CountedTable(requests);
        var index = NewIndex(table);
        await index.FindOrAddAsync("ka", Wire, Ct);
        var sharedBands = Wire.BandKeys().Intersect(SecondOutlet.BandKeys()).ToList();
        var firstBandShared = sharedBands.Contains(Wire.BandKeys()[0]);
        requests.Clear();

        // Act
        var copy = await index.FindOrAddAsync("kb", SecondOutlet, Ct);

        // Assert: a shared band costs its head's conflict, the copy's own row (already there in its first band) and one
        // query; the original's decision is read on its own row, unless the query of its first band brought that row.
        Assert.Equal("ka", copy);
        Assert.InRange(sharedBands.Count, 1, 7);
        Assert.Equal(9 + sharedBands.Count - (firstBandShared ? 1 : 0), requests.Count("POST"));
        Assert.Equal(sharedBands.Count + (firstBandShared ? 0 : 1), requests.Count("GET"));
    }

    [Fact]
    public async Task FindOrAddAsync_EarlierCopyUndecided_TakesTheStoryItJoins()
    {
        // Arrange: C, seen first, published its bands; its instance has not decided yet. It will join a story K that B
        // cannot see (through a band B does not share). B, a copy of C, reads while C is undecided.
        var table = NewTable();
        await NewIndex(table).FindOrAddAsync("kc", Wire, Ct);
        await SetDecisionAsync(table, Wire, "kc", string.Empty);
        time.Advance(TimeSpan.FromMinutes(1));
        var hook = new AfterFirstQuery(() => SetDecisionAsync(table, Wire, "kc", "kk").GetAwaiter().GetResult());
        var hooked = CountedTable(hook, table.Name);

        // Act
        var b = await NewIndex(hooked).FindOrAddAsync("kb", SecondOutlet, Ct);

        // Assert: B waits for C's decision and joins K with it, rather than a story named after C that C never started.
        Assert.True(hook.Fired);
        Assert.Equal("kk", b);
    }

    [Fact]
    public async Task FindOrAddAsync_RedeliveredAfterDyingBeforeTheDecision_KeepsItsFirstTime()
    {
        // Arrange: A published its bands and its instance died before deciding; so did B's, a copy seen ten minutes later.
        var table = NewTable();
        await NewIndex(table).FindOrAddAsync("ka", Wire, Ct);
        await SetDecisionAsync(table, Wire, "ka", string.Empty);
        time.Advance(TimeSpan.FromMinutes(10));
        await NewIndex(table).FindOrAddAsync("kb", SecondOutlet, Ct);
        await SetDecisionAsync(table, SecondOutlet, "kb", string.Empty);
        time.Advance(TimeSpan.FromMinutes(20));

        // Act: A's message comes back to another instance.
        var again = await NewIndex(table).FindOrAddAsync("ka", Wire, Ct);

        // Assert: A keeps the time it was first seen, so it is still ordered before B and starts the story (with the
        // time of its second attempt it would join B's).
        Assert.Null(again);
    }

    [Fact]
    public async Task FindOrAddAsync_ArticleStoredBeforeHeadsExisted_GetsItsRecordedAnswer()
    {
        // Arrange: a row as builds before heads wrote it (no head in the partition), its story decided.
        var table = NewTable();
        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(new TableEntity(Wire.BandKeys()[0], "ka") { ["Fingerprint"] = Wire.ToBytes(), ["Seen"] = time.GetUtcNow(), ["Cluster"] = "kz" }, Ct);
        time.Advance(TimeSpan.FromMinutes(5));

        // Act: the article is updated (or its message redelivered) after the upgrade.
        var again = await NewIndex(table).FindOrAddAsync("ka", Wire, Ct);

        // Assert
        Assert.Equal("kz", again);
    }

    [Fact]
    public async Task FindOrAddAsync_HeadOlderThanWindow_ReplacedSoCleanUpKeepsTheStoryFindable()
    {
        // Arrange: A publishes the band values; D, a copy seen after A left the window, finds the heads stale; clean-up
        // then removes A's rows (twice the window old). E, another copy, comes within the window of D.
        var table = NewTable();
        var index = new TableStoryIndex(table, new StoryIndexOptions { Window = TimeSpan.FromHours(1) }, time);
        await index.FindOrAddAsync("ka", Wire, Ct);
        time.Advance(TimeSpan.FromHours(2));
        var d = await index.FindOrAddAsync("kd", SecondOutlet, Ct);
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            if (row.RowKey == "ka" || row.GetString("Article") == "ka")
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: Ct);
            }
        }

        time.Advance(TimeSpan.FromMinutes(10));

        // Act
        var e = await index.FindOrAddAsync("ke", Wire, Ct);

        // Assert: D started a story of its own (A was out of the window), and E finds it through D's heads.
        Assert.Null(d);
        Assert.Equal("kd", e);
    }

    [Fact]
    public async Task FindOrAddAsync_TwoInstancesAtOnce_ExactlyOneStoryPerRound()
    {
        // Arrange: each round, two instances (own index objects, one table) ingest two copies of one story concurrently.
        var table = NewTable();
        const int rounds = 6;

        for (var round = 0; round < rounds; round++)
        {
            var (first, second) = TwoCopiesOfANewStory(round);
            var instanceA = NewIndex(table);
            var instanceB = NewIndex(table);
            using var start = new ManualResetEventSlim();

            // Act
            var a = Task.Run(() => { start.Wait(Ct); return instanceA.FindOrAddAsync($"a{round}", first, Ct); }, Ct);
            var b = Task.Run(() => { start.Wait(Ct); return instanceB.FindOrAddAsync($"b{round}", second, Ct); }, Ct);
            start.Set();
            var answers = await Task.WhenAll(a, b);

            // Assert: one article starts the story and the other joins it.
            Assert.Single(answers, x => x is null);
            var joined = Assert.Single(answers, x => x is not null);
            Assert.Contains(joined, new[] { $"a{round}", $"b{round}" });
        }
    }

    [Fact]
    public async Task FindOrAddAsync_CopyAfterWindow_StartsNewStory()
    {
        // Arrange
        var index = new TableStoryIndex(NewTable(), new StoryIndexOptions { Window = TimeSpan.FromHours(1) }, time);
        await index.FindOrAddAsync("ka", Wire, Ct);
        time.Advance(TimeSpan.FromHours(2));

        // Act
        var late = await index.FindOrAddAsync("kb", SecondOutlet, Ct);

        // Assert
        Assert.Null(late);
    }

    [Fact]
    public async Task FindOrAddAsync_CopyOfACopyFoundThroughAnotherBand_JoinsTheOriginalStory()
    {
        // Arrange: a developing story. B joined A's story; an hour later A is out of the window, and C, a copy of B,
        // shares a band with B, but not B's first band, where B's decision is recorded.
        var index = new TableStoryIndex(NewTable(), new StoryIndexOptions { Window = TimeSpan.FromHours(1) }, time);
        var (a, b, c) = ChainOfCopiesApartInTheFirstBand();
        await index.FindOrAddAsync("ka", a, Ct);
        time.Advance(TimeSpan.FromMinutes(50));
        var bJoined = await index.FindOrAddAsync("kb", b, Ct);
        time.Advance(TimeSpan.FromMinutes(50));

        // Act
        var cJoined = await index.FindOrAddAsync("kc", c, Ct);

        // Assert: C reads B's decision and joins A's story rather than starting one at B.
        Assert.Equal("ka", bJoined);
        Assert.Equal("ka", cJoined);
    }

    [Fact]
    public async Task ListMembersAsync_CopiesRecorded_InArrivalOrderWithoutDuplicates()
    {
        // Arrange
        var index = NewIndex(NewTable());
        await index.AddCopyAsync("ka", new StoryCopy("kb", "daily", "The Daily", "https://daily.example/b"), Ct);
        time.Advance(TimeSpan.FromMinutes(1));
        await index.AddCopyAsync("ka", new StoryCopy("kc", "herald", null, "https://herald.example/c"), Ct);
        await index.AddCopyAsync("ka", new StoryCopy("kb", "daily", "The Daily", "https://daily.example/b"), Ct);
        await index.AddCopyAsync("ka", new StoryCopy("ka", "wire", "Wire", "https://wire.example/a"), Ct);

        // Act
        var members = await index.ListCopiesAsync("ka", Ct);
        var none = await index.ListCopiesAsync("kz", Ct);

        // Assert
        Assert.Equal(["kb", "kc"], members.Select(m => m.ArticleKey));
        Assert.Equal("The Daily", members[0].SourceName);
        Assert.Null(members[1].SourceName);
        Assert.Empty(none);
    }

    // A story of its own per round (random words), and a copy with two words changed.
    private static (StoryFingerprint First, StoryFingerprint Second) TwoCopiesOfANewStory(int seed)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, 40).Select(_ => "w" + random.Next(100_000)).ToArray();
        var copy = (string[])words.Clone();
        copy[10] = "changed";
        copy[30] = "edited";
        return (StoryFingerprint.Compute(string.Join(' ', words[..8]), string.Join(' ', words[8..])),
                StoryFingerprint.Compute(string.Join(' ', copy[..8]), string.Join(' ', copy[8..])));
    }

    // A, a copy B of it, and a copy C of B whose first band differs from B's: searched deterministically over seeds.
    private static (StoryFingerprint A, StoryFingerprint B, StoryFingerprint C) ChainOfCopiesApartInTheFirstBand()
    {
        var options = new StoryIndexOptions();
        for (var seed = 0; seed < 1_000; seed++)
        {
            var (a, b) = TwoCopiesOfANewStory(seed);
            var random = new Random(seed);
            var words = Enumerable.Range(0, 40).Select(_ => "w" + random.Next(100_000)).ToArray();
            words[10] = "changed";
            words[30] = "edited";
            words[20] = "revised";
            words[25] = "updated";
            var c = StoryFingerprint.Compute(string.Join(' ', words[..8]), string.Join(' ', words[8..]));
            if (b.IsSameStory(a, options.MinSimilarity, options.MinTitleOverlap)
                && c.IsSameStory(b, options.MinSimilarity, options.MinTitleOverlap)
                && c.BandKeys()[0] != b.BandKeys()[0]
                && c.BandKeys().Intersect(b.BandKeys()).Any())
            {
                return (a, b, c);
            }
        }

        throw new InvalidOperationException("No chain of copies found for the test.");
    }

    private TableStoryIndex NewIndex(TableClient table) => new(table, new StoryIndexOptions(), time);

    // Writes an article's decision as its instance would (or clears it, as if the instance died before deciding).
    private static Task SetDecisionAsync(TableClient table, StoryFingerprint fingerprint, string articleKey, string story) =>
        table.UpdateEntityAsync(new TableEntity(fingerprint.BandKeys()[0], articleKey) { ["Cluster"] = story }, Azure.ETag.All, TableUpdateMode.Merge, Ct);

    private TableClient CountedTable(Azure.Core.Pipeline.HttpPipelinePolicy policy, string? name = null)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerRetry);
        return new TableClient(azurite.ConnectionString, name ?? AzuriteFixture.UniqueName("stories"), options);
    }

    // Runs an action once, right after the client's first query of a partition has been answered.
    private sealed class AfterFirstQuery(Action action) : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public bool Fired { get; private set; }

        public override void OnReceivedResponse(Azure.Core.HttpMessage message)
        {
            if (!Fired && message.Request.Method == Azure.Core.RequestMethod.Get && message.Request.Uri.ToString().Contains("filter", StringComparison.Ordinal))
            {
                Fired = true;
                action();
            }
        }
    }

    // Counts the requests a client sends, by HTTP method.
    private sealed class RequestCounter : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> counts = new(StringComparer.Ordinal);

        public int Count(string method) => counts.GetValueOrDefault(method);

        public void Clear() => counts.Clear();

        public override void OnSendingRequest(Azure.Core.HttpMessage message) =>
            counts.AddOrUpdate(message.Request.Method.ToString(), 1, (_, n) => n + 1);
    }

    private TableClient NewTable() => new(azurite.ConnectionString, AzuriteFixture.UniqueName("stories"));
}
