using Alerts.Core.Ingestion;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Stories;

/// <summary>
/// Near-duplicate index and story cluster store in one Azure table, shared by every instance.
/// <list type="bullet">
/// <item>Band partitions (<c>b{band}-{hash}</c>), one per band value: a head row (RowKey <c>!</c>) holds the first
/// article that published the value (its key in <c>Article</c>); an article that finds the head taken adds a row of
/// its own (RowKey the article key) and reads the partition. Every row holds the whole MinHash signature and when it
/// was seen. Nearly every band value is new (98.8% over the news corpus), so nearly every article publishes its bands
/// with one insert each and reads none. Every article also has its own row in its first band's partition, written
/// first: it holds the story the article joined, and a conflict on it recognises a message handled before.</item>
/// <item>Member rows: PartitionKey <c>m-{clusterKey}</c>, RowKey the article key; they hold the copy's source and link.</item>
/// </list>
/// Concurrency: an article publishes its bands first, undecided (insert-if-absent, no batch: Azurite has no batch
/// transactions), and only then reads the bands it found taken, so of two copies arriving together the one that
/// found a head taken sees the other. It joins the earliest decided neighbour's story; undecided neighbours are
/// waited for, briefly, and if they stay undecided it joins the earliest ordered before it by (seen time, key), which
/// every instance computes alike. A head older than the window hands over to the article that reads past it, so
/// clean-up, which removes rows twice the window old, never removes a head while rows of the window depend on it.
/// </summary>
public sealed class TableStoryIndex(TableClient table, StoryIndexOptions options, TimeProvider timeProvider)
    : IStoryIndex, IStoryCopyStore
{
    private const string FingerprintColumn = "Fingerprint";
    private const string SeenColumn = "Seen";
    private const string StoryColumn = "Cluster"; // the column's name predates the word "story"; stored rows keep it
    private const string ArticleColumn = "Article";
    private const string HeadRowKey = "!"; // sorts before every article key
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
        var self = new Publication(articleKey, fingerprint.ToBytes(), timeProvider.GetUtcNow());

        // The article's own row in its first band's partition goes first: it will hold the decision, and a conflict
        // there means the message was handled before (redelivered, or an update of a stored article). A decided one
        // gets the same answer again; an attempt that died before deciding keeps its time, reads every band and decides now.
        var redelivered = false;
        if (!await TryAddAsync(self.Row(bands[0], articleKey, Undecided), cancellationToken).ConfigureAwait(false))
        {
            if (await ReadAsync(bands[0], articleKey, cancellationToken).ConfigureAwait(false) is { } earlier)
            {
                if (earlier.GetString(StoryColumn) is { Length: > 0 } decided)
                {
                    return decided == articleKey ? null : decided;
                }

                self = self with { Seen = earlier.GetDateTimeOffset(SeenColumn) ?? self.Seen };
                redelivered = true;
            }
            else
            {
                // Removed between the two requests (retention clean-up): published again.
                await TryAddAsync(self.Row(bands[0], articleKey, Undecided), cancellationToken).ConfigureAwait(false);
            }
        }

        var shared = new List<string>();
        foreach (var band in bands)
        {
            if (!await TakeHeadOrAddRowAsync(band, self, ownRowAdded: band == bands[0], cancellationToken).ConfigureAwait(false) || redelivered)
            {
                shared.Add(band);
            }
        }

        var story = await DecideAsync(self, fingerprint, shared, cancellationToken).ConfigureAwait(false);
        var decision = new TableEntity(bands[0], articleKey) { [StoryColumn] = story };
        await table.UpdateEntityAsync(decision, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        return story == articleKey ? null : story;
    }

    // Takes the band's head: true when nobody had published the band value. Else adds the article's own row (kept
    // when it is there already) and the band must be read.
    private async Task<bool> TakeHeadOrAddRowAsync(string band, Publication self, bool ownRowAdded, CancellationToken cancellationToken)
    {
        if (await TryAddAsync(self.Row(band, HeadRowKey, Undecided), cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        if (!ownRowAdded)
        {
            await TryAddAsync(self.Row(band, self.Key, Undecided), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<bool> TryAddAsync(TableEntity row, CancellationToken cancellationToken)
    {
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

    private async Task<TableEntity?> ReadAsync(string partition, string row, CancellationToken cancellationToken) =>
        await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false)
            is { HasValue: true, Value: { } entity } ? entity : null;

    /// <summary>
    /// The story the article belongs to. A decided neighbour settles it: join the earliest decided story. Otherwise
    /// wait briefly for undecided neighbours to decide: one ordered before this article may be about to join a story
    /// this article cannot see, and one ordered after it may not have seen this article (it took a head, or looked
    /// before this article was written) and be about to declare itself a story. If they stay undecided, order them
    /// by (seen time, key), which every instance computes alike: join the earliest ordered before this article, which
    /// will itself become the story, else declare this one.
    /// </summary>
    private async Task<string> DecideAsync(Publication self, StoryFingerprint fingerprint, IReadOnlyList<string> sharedBands, CancellationToken cancellationToken)
    {
        if (sharedBands.Count == 0)
        {
            return self.Key;
        }

        var me = new Neighbour(self.Key, self.Seen, Undecided);
        for (var attempt = 0; ; attempt++)
        {
            var neighbours = await NeighboursAsync(self, fingerprint, sharedBands, renewStaleHeads: attempt == 0, cancellationToken).ConfigureAwait(false);
            var decided = neighbours.Where(n => n.Story.Length > 0).OrderBy(n => n, Order).FirstOrDefault();
            if (decided is not null)
            {
                return decided.Story;
            }

            if (neighbours.Count == 0)
            {
                return self.Key;
            }

            if (attempt >= UndecidedRetries)
            {
                return neighbours.Where(n => Order.Compare(n, me) < 0).OrderBy(n => n, Order).FirstOrDefault()?.Key ?? self.Key;
            }

            // Real time on purpose: this waits for another instance's write, not for business time to pass.
            await Task.Delay(UndecidedPause, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<List<Neighbour>> NeighboursAsync(Publication self, StoryFingerprint fingerprint, IReadOnlyList<string> bands, bool renewStaleHeads, CancellationToken cancellationToken)
    {
        var neighbours = new Dictionary<string, Neighbour>(StringComparer.Ordinal);
        // Only rows seen within the window around this article come back: the storage service filters them, so a band
        // that older stories share costs no reads.
        var (from, to) = (self.Seen - options.Window, self.Seen + options.Window);
        foreach (var band in bands)
        {
            var headSeen = false;
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {band} and Seen ge {from} and Seen le {to}");
            var rows = new List<TableEntity>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            // Own rows before the head: in its first band's partition, a neighbour's own row carries its decision.
            foreach (var candidate in rows.OrderBy(row => row.RowKey == HeadRowKey))
            {
                var isHead = candidate.RowKey == HeadRowKey;
                headSeen |= isHead;
                var key = isHead ? candidate.GetString(ArticleColumn) : candidate.RowKey;
                if (key is null
                    || key == self.Key
                    || neighbours.ContainsKey(key)
                    || candidate.GetBinary(FingerprintColumn) is not { } bytes
                    || !StoryFingerprint.TryFromBytes(bytes, out var other)
                    || candidate.GetDateTimeOffset(SeenColumn) is not DateTimeOffset otherSeen
                    || (self.Seen - otherSeen).Duration() > options.Window
                    || !other!.IsSameStory(fingerprint, options.MinSimilarity, options.MinTitleOverlap))
                {
                    continue;
                }

                // A neighbour's decision is on its own row in its first band's partition; found anywhere else, read it there.
                var home = other.BandKeys()[0];
                var story = !isHead && candidate.PartitionKey == home
                    ? candidate.GetString(StoryColumn) ?? Undecided
                    : (await table.GetEntityIfExistsAsync<TableEntity>(home, key, [StoryColumn], cancellationToken).ConfigureAwait(false)) is { HasValue: true } decided
                        ? decided.Value!.GetString(StoryColumn) ?? Undecided
                        : Undecided;
                neighbours[key] = new Neighbour(key, otherSeen, story);
            }

            if (!headSeen && renewStaleHeads)
            {
                await RenewHeadAsync(band, self, cancellationToken).ConfigureAwait(false);
            }
        }

        return [.. neighbours.Values];
    }

    /// <summary>
    /// A head older than the window hands over to this article, so the rows of the window outlive it: clean-up removes
    /// rows twice the window old by when they were last written, and every row of the window was written by an article
    /// that found its head within the window or renewed it. The old head keeps a row of its own (for an article read
    /// later with an earlier time); the hand-over is conditional on the head read, so of two renewals one wins and a
    /// head taken meanwhile is not overwritten.
    /// </summary>
    private async Task RenewHeadAsync(string band, Publication self, CancellationToken cancellationToken)
    {
        var head = await ReadAsync(band, HeadRowKey, cancellationToken).ConfigureAwait(false);
        if (head is null)
        {
            await TryAddAsync(self.Row(band, HeadRowKey, Undecided), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (head.GetDateTimeOffset(SeenColumn) is not DateTimeOffset headSeen || headSeen >= self.Seen - options.Window
            || head.GetString(ArticleColumn) is not { Length: > 0 } holder)
        {
            return;
        }

        var holderRow = new Publication(holder, head.GetBinary(FingerprintColumn), headSeen).Row(band, holder, Undecided);
        await TryAddAsync(holderRow, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateEntityAsync(self.Row(band, HeadRowKey, Undecided), head.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException changed) when (changed.Status is 404 or 412)
        {
            // Renewed by another article, or removed, meanwhile: whoever holds it now is recent.
        }
    }

    // What an article publishes on each of its band rows.
    private sealed record Publication(string Key, byte[] Signature, DateTimeOffset Seen)
    {
        public TableEntity Row(string band, string rowKey, string story)
        {
            var row = new TableEntity(band, rowKey)
            {
                [FingerprintColumn] = Signature,
                [SeenColumn] = Seen,
                [StoryColumn] = story,
            };
            if (rowKey == HeadRowKey)
            {
                row[ArticleColumn] = Key;
            }

            return row;
        }
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
