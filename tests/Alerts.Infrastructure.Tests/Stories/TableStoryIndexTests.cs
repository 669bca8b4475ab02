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
        var options = new TableClientOptions();
        options.AddPolicy(requests, Azure.Core.HttpPipelinePosition.PerRetry);
        var table = new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("stories"), options);
        var index = NewIndex(table);
        await index.FindOrAddAsync("warmup", Other, Ct);
        requests.Clear();

        // Act
        var story = await index.FindOrAddAsync("ka", Wire, Ct);

        // Assert: one insert and one query per band (eight bands: these were most of an article's transactions), and
        // the decision; no read of its own row first.
        Assert.Null(story);
        Assert.Equal(8, requests.Count("POST"));
        Assert.Equal(8, requests.Count("GET"));
        Assert.Equal(1, requests.Count("PATCH") + requests.Count("PUT") + requests.Count("MERGE"));
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
