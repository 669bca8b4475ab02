using Alerts.Core.Ingestion;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Stories;

/// <summary>
/// Near-duplicate index and story cluster store in one Azure table, shared by every instance.
/// <list type="bullet">
/// <item>Band rows: PartitionKey the band key (<c>b{band}-{hash}</c>), RowKey the article key; they hold the whole
/// MinHash signature and title words and when it was seen; the first band's row also holds the story it joined. A
/// lookup reads only the partitions of the article's own bands, which hold only articles that share a band with it.</item>
/// <item>Member rows: PartitionKey <c>m-{clusterKey}</c>, RowKey the article key; they hold the copy's source and link.</item>
/// </list>
/// Concurrency: an article inserts its band rows first, undecided (insert-if-absent, no batch: Azurite has no batch
/// transactions), and only then looks for neighbours, so of two copies arriving together at least one sees the
/// other. It joins the earliest decided neighbour's story, else the earliest undecided neighbour ordered before it
/// by (seen time, key), which every instance computes alike; only undecided neighbours ordered after it are
/// waited for, briefly, in case they looked before it was written.
/// </summary>
public sealed class TableStoryIndex(TableClient table, StoryIndexOptions options, TimeProvider timeProvider)
    : IStoryIndex, IStoryCopyStore
{
    private const string FingerprintColumn = "Fingerprint";
    private const string SeenColumn = "Seen";
    private const string StoryColumn = "Cluster"; // the column's name predates the word "story"; stored rows keep it
    private const string Undecided = "";
    private const int UndecidedRetries = 10;
    private static readonly TimeSpan UndecidedPause = TimeSpan.FromMilliseconds(50);
    private readonly SemaphoreSlim createGate = new(1, 1);
    private volatile bool created;

    /// <summary>The table holding fingerprints and story members.</summary>
    public string TableName => table.Name;

    /// <inheritdoc />
    public async Task<string?> FindOrAddAsync(string articleKey, StoryFingerprint fingerprint, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(articleKey);
        ArgumentNullException.ThrowIfNull(fingerprint);
        if (fingerprint.IsEmpty)
        {
            return null;
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var bands = fingerprint.BandKeys();
        var signature = fingerprint.ToBytes();
        var seen = timeProvider.GetUtcNow();

        // Publish first (undecided), look second: of two copies arriving together, at least one sees the other. The first
        // band's row goes first: a conflict there means this article was handled before (a redelivered message), so
        // only then is its row read (one read saved on every other article). A decided one gets the same answer again;
        // an attempt that died before deciding keeps its time and decides now.
        if (!await TryAddBandRowAsync(bands[0], articleKey, signature, seen, cancellationToken).ConfigureAwait(false))
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(bands[0], articleKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing is { HasValue: true, Value: { } known })
            {
                var decided = known.GetString(StoryColumn);
                if (!string.IsNullOrEmpty(decided))
                {
                    return decided == articleKey ? null : decided;
                }

                seen = known.GetDateTimeOffset(SeenColumn) ?? seen;
            }
            else
            {
                // Removed between the two requests (retention clean-up): published again.
                await TryAddBandRowAsync(bands[0], articleKey, signature, seen, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var band in bands.Skip(1))
        {
            // Written by an earlier attempt of this same article when it conflicts: kept.
            await TryAddBandRowAsync(band, articleKey, signature, seen, cancellationToken).ConfigureAwait(false);
        }

        // The decision is written once, on the first band's row: neighbours found through any band read it there.
        // (One write instead of one per band: the band rows were most of an article's storage transactions.)
        var story = await DecideAsync(articleKey, fingerprint, seen, bands, cancellationToken).ConfigureAwait(false);
        var decision = new TableEntity(bands[0], articleKey) { [StoryColumn] = story };
        await table.UpdateEntityAsync(decision, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return story == articleKey ? null : story;
    }

    // Inserts an undecided band row; false when the row is already there.
    private async Task<bool> TryAddBandRowAsync(string band, string articleKey, byte[] signature, DateTimeOffset seen, CancellationToken cancellationToken)
    {
        var row = new TableEntity(band, articleKey)
        {
            [FingerprintColumn] = signature,
            [SeenColumn] = seen,
            [StoryColumn] = Undecided,
        };
        try
        {
            await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
    }

    /// <summary>
    /// The story the article belongs to. A decided neighbour settles it: join the earliest decided story. Otherwise
    /// order undecided copies by (seen time, key), which every instance computes alike: an undecided neighbour
    /// ordered before this article will itself become (or join) the story, so join it. Neighbours ordered after this
    /// article may have looked before this article was written and be about to declare themselves a story, so wait
    /// briefly for them to decide before declaring this one.
    /// </summary>
    private async Task<string> DecideAsync(string articleKey, StoryFingerprint fingerprint, DateTimeOffset seen, IReadOnlyList<string> bands, CancellationToken cancellationToken)
    {
        var self = new Neighbour(articleKey, seen, Undecided);
        for (var attempt = 0; ; attempt++)
        {
            var neighbours = await NeighboursAsync(articleKey, fingerprint, seen, bands, cancellationToken).ConfigureAwait(false);
            var decided = neighbours.Where(n => n.Story.Length > 0).OrderBy(n => n, Order).FirstOrDefault();
            if (decided is not null)
            {
                return decided.Story;
            }

            var earlier = neighbours.Where(n => Order.Compare(n, self) < 0).OrderBy(n => n, Order).FirstOrDefault();
            if (earlier is not null)
            {
                return earlier.Key;
            }

            if (neighbours.Count == 0 || attempt >= UndecidedRetries)
            {
                return articleKey;
            }

            // Real time on purpose: this waits for another instance's write, not for business time to pass.
            await Task.Delay(UndecidedPause, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<Neighbour>> NeighboursAsync(string articleKey, StoryFingerprint fingerprint, DateTimeOffset seen, IReadOnlyList<string> bands, CancellationToken cancellationToken)
    {
        var neighbours = new Dictionary<string, Neighbour>(StringComparer.Ordinal);
        // Only rows seen within the window around this article come back: the storage service filters them, so a band
        // that older stories share costs no reads.
        var (from, to) = (seen - options.Window, seen + options.Window);
        foreach (var band in bands)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {band} and Seen ge {from} and Seen le {to}");
            await foreach (var candidate in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (candidate.RowKey == articleKey
                    || neighbours.ContainsKey(candidate.RowKey)
                    || candidate.GetBinary(FingerprintColumn) is not { } bytes
                    || !StoryFingerprint.TryFromBytes(bytes, out var other)
                    || candidate.GetDateTimeOffset(SeenColumn) is not DateTimeOffset otherSeen
                    || (seen - otherSeen).Duration() > options.Window
                    || !other!.IsSameStory(fingerprint, options.MinSimilarity, options.MinTitleOverlap))
                {
                    continue;
                }

                // Only the neighbour's first band row carries its decision; found through another band, read it there.
                var story = candidate.GetString(StoryColumn) ?? Undecided;
                var home = other.BandKeys()[0];
                if (story == Undecided && candidate.PartitionKey != home
                    && (await table.GetEntityIfExistsAsync<TableEntity>(home, candidate.RowKey, [StoryColumn], cancellationToken).ConfigureAwait(false)) is { HasValue: true } decided)
                {
                    story = decided.Value!.GetString(StoryColumn) ?? Undecided;
                }

                neighbours[candidate.RowKey] = new Neighbour(candidate.RowKey, otherSeen, story);
            }
        }

        return [.. neighbours.Values];
    }

    /// <inheritdoc />
    public async Task AddCopyAsync(string clusterKey, StoryCopy member, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterKey);
        ArgumentNullException.ThrowIfNull(member);
        if (member.ArticleKey == clusterKey)
        {
            return;
        }

        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(MemberPartition(clusterKey), member.ArticleKey)
        {
            ["SourceId"] = member.SourceId,
            ["SourceName"] = member.SourceName,
            ["Link"] = member.Link,
            [SeenColumn] = timeProvider.GetUtcNow(),
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoryCopy>> ListCopiesAsync(string clusterKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterKey);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var members = new List<(DateTimeOffset Seen, StoryCopy Member)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MemberPartition(clusterKey)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var member = new StoryCopy(row.RowKey, row.GetString("SourceId") ?? string.Empty, row.GetString("SourceName"), row.GetString("Link"));
            members.Add((row.GetDateTimeOffset(SeenColumn) ?? DateTimeOffset.MinValue, member));
        }

        return members.OrderBy(m => m.Seen).ThenBy(m => m.Member.ArticleKey, StringComparer.Ordinal).Select(m => m.Member).ToList();
    }

    private static readonly Comparer<Neighbour> Order = Comparer<Neighbour>.Create((a, b) =>
    {
        var bySeen = a.Seen.CompareTo(b.Seen);
        return bySeen != 0 ? bySeen : string.CompareOrdinal(a.Key, b.Key);
    });

    private sealed record Neighbour(string Key, DateTimeOffset Seen, string Story);

    /// <summary>Partitions of band rows start with this ("b{band}-{hash}").</summary>
    internal const string BandPartitionPrefix = "b";

    /// <summary>Partitions of member rows start with this ("m-{clusterKey}").</summary>
    internal const string MemberPartitionPrefix = "m-";

    private static string MemberPartition(string clusterKey) => MemberPartitionPrefix + clusterKey;

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!created)
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
                created = true;
            }
        }
        finally
        {
            createGate.Release();
        }
    }
}
