using Alerts.Core.Ingestion;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Dedupe;

/// <summary>
/// Near-duplicate index and story cluster store in one Azure table, shared by every instance.
/// <list type="bullet">
/// <item>Band rows: PartitionKey the band key (<c>b{band}-{hash}</c>), RowKey the article key; they hold the whole
/// MinHash signature, when it was seen and the story it joined. A lookup reads only the partitions of the article's
/// own bands, which hold only articles that share a band with it.</item>
/// <item>Member rows: PartitionKey <c>m-{clusterKey}</c>, RowKey the article key; they hold the copy's source and link.</item>
/// </list>
/// Concurrency: an article inserts its band rows first (insert-if-absent, no batch: Azurite has no batch
/// transactions) and only then looks for neighbours, choosing the earliest (seen time, then key) of itself and every
/// neighbour as the story. Two copies arriving together therefore both see each other and agree on one story.
/// </summary>
public sealed class TableNearDuplicateIndex(TableClient table, NearDuplicateOptions options, TimeProvider timeProvider)
    : INearDuplicateIndex, IStoryClusterStore
{
    private const string FingerprintColumn = "Fingerprint";
    private const string SeenColumn = "Seen";
    private const string ClusterColumn = "Cluster";
    private readonly SemaphoreSlim createGate = new(1, 1);
    private volatile bool created;

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

        // A redelivered message must get the same answer as the first time.
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(bands[0], articleKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing.HasValue && existing.Value is { } known)
        {
            var knownCluster = known.GetString(ClusterColumn);
            return knownCluster is null || knownCluster == articleKey ? null : knownCluster;
        }

        var seen = timeProvider.GetUtcNow();
        foreach (var band in bands)
        {
            var row = new TableEntity(band, articleKey)
            {
                [FingerprintColumn] = signature,
                [SeenColumn] = seen,
                [ClusterColumn] = articleKey,
            };
            try
            {
                await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException conflict) when (conflict.Status == 409)
            {
                // Written by an earlier attempt of this same article: keep it.
            }
        }

        var earliest = (Key: articleKey, Seen: seen, Cluster: articleKey);
        foreach (var band in bands)
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {band}");
            await foreach (var candidate in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (candidate.RowKey == articleKey
                    || candidate.GetBinary(FingerprintColumn) is not { Length: StoryFingerprint.Length * sizeof(uint) } other
                    || candidate.GetDateTimeOffset(SeenColumn) is not DateTimeOffset otherSeen
                    || seen - otherSeen > options.Window
                    || StoryFingerprint.FromBytes(other).Similarity(fingerprint) < options.MinSimilarity)
                {
                    continue;
                }

                if (otherSeen < earliest.Seen || (otherSeen == earliest.Seen && string.CompareOrdinal(candidate.RowKey, earliest.Key) < 0))
                {
                    earliest = (candidate.RowKey, otherSeen, candidate.GetString(ClusterColumn) ?? candidate.RowKey);
                }
            }
        }

        if (earliest.Key == articleKey)
        {
            return null;
        }

        foreach (var band in bands)
        {
            var update = new TableEntity(band, articleKey) { [ClusterColumn] = earliest.Cluster };
            await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }

        return earliest.Cluster;
    }

    /// <inheritdoc />
    public async Task AddMemberAsync(string clusterKey, StoryClusterMember member, CancellationToken cancellationToken)
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
    public async Task<IReadOnlyList<StoryClusterMember>> ListMembersAsync(string clusterKey, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(clusterKey);
        await EnsureTableAsync(cancellationToken).ConfigureAwait(false);
        var members = new List<(DateTimeOffset Seen, StoryClusterMember Member)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MemberPartition(clusterKey)}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var member = new StoryClusterMember(row.RowKey, row.GetString("SourceId") ?? string.Empty, row.GetString("SourceName"), row.GetString("Link"));
            members.Add((row.GetDateTimeOffset(SeenColumn) ?? DateTimeOffset.MinValue, member));
        }

        return members.OrderBy(m => m.Seen).ThenBy(m => m.Member.ArticleKey, StringComparer.Ordinal).Select(m => m.Member).ToList();
    }

    private static string MemberPartition(string clusterKey) => "m-" + clusterKey;

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
