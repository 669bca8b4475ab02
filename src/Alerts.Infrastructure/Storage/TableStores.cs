using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>Sources in one partition: there are few, and the timer lists them all.</summary>
internal sealed class TableSourceStore(JsonEntityTable<FeedSource> table) : ISourceStore
{
    private const string Partition = "source";

    public IAsyncEnumerable<FeedSource> ListAsync(CancellationToken cancellationToken) => table.QueryAsync(Partition, cancellationToken);

    public Task<FeedSource?> GetAsync(string id, CancellationToken cancellationToken) => table.GetAsync(Partition, id, cancellationToken);

    public Task UpsertAsync(FeedSource source, CancellationToken cancellationToken) => table.UpsertAsync(Partition, source.Id, source, cancellationToken);

    public async Task<FeedSource?> UpdateAsync(string id, Func<FeedSource, FeedSource?> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await table.GetEntityAsync(Partition, id, cancellationToken) is not { } existing
                || change(JsonEntityTable<FeedSource>.FromEntity(existing)) is not { } changed)
            {
                return null;
            }

            // If-Match on the version read: a change made meanwhile (an operator's edit, another timer run) is read and
            // changed again instead of overwritten.
            if (await table.TryReplaceAsync(JsonEntityTable<FeedSource>.ToEntity(Partition, id, changed), existing.ETag, cancellationToken) is not null)
            {
                return changed;
            }
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => table.DeleteAsync(Partition, id, cancellationToken);
}

/// <summary>
/// Topics in one partition, plus a version row rewritten on every change so scorers can refresh their
/// index by reading one row instead of the whole table.
/// </summary>
internal sealed class TableTopicStore(JsonEntityTable<WatchTopic> table) : ITopicStore
{
    private const string Partition = "topic";
    private const string MetaPartition = "meta";
    private const string VersionRow = "version";

    public IAsyncEnumerable<WatchTopic> ListAsync(CancellationToken cancellationToken) => table.QueryAsync(Partition, cancellationToken);

    public Task<WatchTopic?> GetAsync(string id, CancellationToken cancellationToken) => table.GetAsync(Partition, id, cancellationToken);

    public async Task UpsertAsync(WatchTopic topic, CancellationToken cancellationToken)
    {
        await table.UpsertAsync(Partition, topic.Id, topic, cancellationToken);
        await BumpVersionAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = await table.DeleteAsync(Partition, id, cancellationToken);
        await BumpVersionAsync(cancellationToken);
        return deleted;
    }

    public async Task<string> GetVersionAsync(CancellationToken cancellationToken)
    {
        var entity = await table.GetEntityAsync(MetaPartition, VersionRow, cancellationToken);
        return entity?.GetString("Value") ?? "none";
    }

    private Task BumpVersionAsync(CancellationToken cancellationToken) =>
        table.Client.UpsertEntityAsync(
            new TableEntity(MetaPartition, VersionRow) { ["Value"] = Guid.NewGuid().ToString("N") },
            TableUpdateMode.Replace,
            cancellationToken);
}

/// <summary>Subscribers in one partition; subscriptions partitioned by topic, which is how scoring reads them.</summary>
internal sealed class TableSubscriberStore(JsonEntityTable<Subscriber> subscribers, JsonEntityTable<Subscription> subscriptions) : ISubscriberStore
{
    private const string Partition = "subscriber";

    public Task<Subscriber?> GetAsync(string id, CancellationToken cancellationToken) => subscribers.GetAsync(Partition, id, cancellationToken);

    public IAsyncEnumerable<Subscriber> ListAsync(CancellationToken cancellationToken) => subscribers.QueryAsync(Partition, cancellationToken);

    public Task UpsertAsync(Subscriber subscriber, CancellationToken cancellationToken) =>
        subscribers.UpsertAsync(Partition, subscriber.Id, subscriber, cancellationToken);

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        // Subscriptions first: a crash in between leaves a subscriber without subscriptions, never orphan subscriptions.
        await foreach (var subscription in ListSubscriptionsOfSubscriberAsync(id, cancellationToken))
        {
            await subscriptions.DeleteAsync(subscription.TopicId, subscription.SubscriberId, cancellationToken);
        }

        return await subscribers.DeleteAsync(Partition, id, cancellationToken);
    }

    public Task<Subscription?> GetSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken) =>
        subscriptions.GetAsync(topicId, subscriberId, cancellationToken);

    public IAsyncEnumerable<Subscription> ListSubscriptionsAsync(string topicId, CancellationToken cancellationToken) =>
        subscriptions.QueryAsync(topicId, cancellationToken);

    public IAsyncEnumerable<Subscription> ListSubscriptionsOfSubscriberAsync(string subscriberId, CancellationToken cancellationToken) =>
        subscriptions.QueryRowKeyAsync(subscriberId, cancellationToken);

    public Task UpsertSubscriptionAsync(Subscription subscription, CancellationToken cancellationToken) =>
        subscriptions.UpsertAsync(subscription.TopicId, subscription.SubscriberId, subscription, cancellationToken);

    public Task<bool> DeleteSubscriptionAsync(string topicId, string subscriberId, CancellationToken cancellationToken) =>
        subscriptions.DeleteAsync(topicId, subscriberId, cancellationToken);
}

/// <summary>
/// Articles partitioned by the first two characters of their key (spreads load), inserted only if absent.
/// The <c>Queued</c> flag closes the gap between "stored" and "sent to scoring" if an instance dies in between.
/// </summary>
internal sealed class TableArticleStore(JsonEntityTable<Article> table) : IArticleStore
{
    private const string QueuedProperty = "Queued";
    private const string StoryProperty = "Story";

    // Bodies beyond this are cut when stored: scoring needs the opening paragraphs, and one row holds at most 1 MiB.
    internal const int MaxStoredContentLength = 100_000;
    private const int MaxStoredSummaryLength = 20_000;
    private const int MaxStoredTitleLength = 1_000;
    private const int MaxStoredFieldLength = 2_000;
    private const int MaxStoredNameLength = 200;
    private const int MaxStoredAuthors = 20;

    public async Task<ArticleAdmission> AdmitAsync(Article article, CancellationToken cancellationToken)
    {
        article = FitOneRow(article);
        var entity = JsonEntityTable<Article>.ToEntity(PartitionOf(article.Key), article.Key, article);
        entity[QueuedProperty] = false;
        if (await table.TryAddAsync(entity, cancellationToken))
        {
            return ArticleAdmission.New;
        }

        var existing = await table.GetEntityAsync(PartitionOf(article.Key), article.Key, cancellationToken);
        return existing?.GetBoolean(QueuedProperty) == true ? ArticleAdmission.Seen : ArticleAdmission.SeenNotQueued;
    }

    public Task MarkQueuedAsync(string key, string storyKey, CancellationToken cancellationToken) =>
        table.Client.UpdateEntityAsync(
            new TableEntity(PartitionOf(key), key) { [QueuedProperty] = true, [StoryProperty] = storyKey },
            Azure.ETag.All,
            TableUpdateMode.Merge,
            cancellationToken);

    public async Task<Article?> ReplaceChangedAsync(Article article, CancellationToken cancellationToken)
    {
        var existing = await table.GetEntityAsync(PartitionOf(article.Key), article.Key, cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var stored = Read(existing);
        var revised = FitOneRow(stored.RevisedTo(article));
        if (!stored.IsRevisedBy(revised))
        {
            return null;
        }

        // Not queued until the new version's scoring message is sent: a crash in between lets the next fetch resume it.
        var entity = JsonEntityTable<Article>.ToEntity(PartitionOf(article.Key), article.Key, revised);
        entity[QueuedProperty] = false;
        entity[StoryProperty] = stored.StoryKey;
        return await table.TryReplaceAsync(entity, existing.ETag, cancellationToken) is null ? null : stored;
    }

    public async Task<Article?> GetAsync(string key, CancellationToken cancellationToken) =>
        await table.GetEntityAsync(PartitionOf(key), key, cancellationToken) is { } entity ? Read(entity) : null;

    private static Article Read(TableEntity entity) =>
        JsonEntityTable<Article>.FromEntity(entity) with { StoryKey = entity.GetString(StoryProperty) };

    private static string PartitionOf(string key) => key.Length >= 3 ? key[..3] : key;

    private static string? Truncate(string? text, int maxLength) =>
        text?.Length > maxLength ? text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)] : text;

    /// <summary>
    /// Caps every stored field, then halves the body until the row fits: an item of any size is stored (its opening
    /// is what scoring reads) instead of failing admission and, with it, the rest of its feed. Characters outside the
    /// basic plane take 12 characters each in the stored JSON, so the size is checked on the JSON, not the text.
    /// </summary>
    internal static Article FitOneRow(Article article)
    {
        article = article with
        {
            Title = Truncate(article.Title, MaxStoredTitleLength)!,
            Link = Truncate(article.Link, MaxStoredFieldLength),
            Guid = Truncate(article.Guid, MaxStoredFieldLength),
            SourceName = Truncate(article.SourceName, MaxStoredNameLength),
            Authors = article.Authors.Take(MaxStoredAuthors).Select(a => Truncate(a, MaxStoredNameLength)!).ToList(),
            Categories = article.Categories.Take(ArticleCategories.MaxPerArticle).Select(c => Truncate(c, MaxStoredNameLength)!).ToList(),
            Content = Truncate(article.Content, MaxStoredContentLength),
            Summary = Truncate(article.Summary, MaxStoredSummaryLength),
        };
        while (!JsonEntityTable<Article>.Fits(article))
        {
            article = article.Content is { Length: > 0 } content
                ? article with { Content = content.Length < 16 ? null : Truncate(content, content.Length / 2) }
                : article with { Summary = article.Summary is { Length: >= 16 } summary ? Truncate(summary, summary.Length / 2) : null };
        }

        return article;
    }
}

/// <summary>
/// Delivery outcomes partitioned by subscriber, keyed by alert id. Each outcome is also written to a time-ordered
/// listing in the same table: partition <c>~{inverted day}</c> (a character subscriber ids cannot hold), row
/// <c>{inverted ticks}_{subscriber}_{alert}</c>, so one range query reads the newest first and stops.
/// </summary>
internal sealed class TableDeliveryStore(JsonEntityTable<DeliveryRecord> table) : IDeliveryStore
{
    private const string ListingPrefix = "~";

    public Task<DeliveryRecord?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken) =>
        table.GetAsync(subscriberId, alertId, cancellationToken);

    public async Task<DeliveryClaim> TryClaimAsync(DeliveryRecord claim, DateTimeOffset staleBefore, CancellationToken cancellationToken)
    {
        var entity = JsonEntityTable<DeliveryRecord>.ToEntity(claim.SubscriberId, claim.AlertId, claim);
        if (await table.TryInsertAsync(entity, cancellationToken) is { } inserted)
        {
            await ListAsync(claim, cancellationToken);
            return new DeliveryClaim(DeliveryClaimOutcome.Claimed, null) { Token = inserted.ToString() };
        }

        var existing = await table.GetEntityAsync(claim.SubscriberId, claim.AlertId, cancellationToken);
        if (existing is null)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.InProgress, null); // deleted in between: let the retry decide
        }

        var previous = JsonEntityTable<DeliveryRecord>.FromEntity(existing);
        if (previous.IsSettled)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.AlreadyHandled, previous);
        }

        if (previous.Status == DeliveryStatus.Sending && previous.RecordedAt > staleBefore)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.InProgress, previous);
        }

        // If-Match on the ETag read above: of two instances taking over the same failed delivery, one wins.
        if (await table.TryReplaceAsync(entity, existing.ETag, cancellationToken) is not { } taken)
        {
            return new DeliveryClaim(DeliveryClaimOutcome.InProgress, previous);
        }

        await ListAsync(claim, cancellationToken);
        return new DeliveryClaim(DeliveryClaimOutcome.Claimed, previous) { Token = taken.ToString() };
    }

    public async Task<string?> ReplaceClaimedAsync(DeliveryRecord record, string token, CancellationToken cancellationToken)
    {
        var entity = JsonEntityTable<DeliveryRecord>.ToEntity(record.SubscriberId, record.AlertId, record);
        var version = (await table.TryReplaceAsync(entity, new Azure.ETag(token), cancellationToken))?.ToString()
            ?? await OwnWriteAsync(record, cancellationToken);
        if (version is not null)
        {
            await ListAsync(record, cancellationToken);
        }

        return version;
    }

    // The row changed since the version this claim last saw. If it still carries this claim's id, the change is this
    // claim's own write whose reply was lost (the client retried it and got "changed"): it went through.
    private async Task<string?> OwnWriteAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (record.ClaimId is null || await table.GetEntityAsync(record.SubscriberId, record.AlertId, cancellationToken) is not { } current)
        {
            return null;
        }

        var stored = JsonEntityTable<DeliveryRecord>.FromEntity(current);
        return stored.ClaimId == record.ClaimId && stored.Status == record.Status && stored.RecordedAt == record.RecordedAt
            ? current.ETag.ToString()
            : null;
    }

    public async IAsyncEnumerable<DeliveryRecord> ListRecentAsync(int max, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Newest first by key; a delivery that failed and was then sent appears once, with its latest outcome.
        var listed = new HashSet<(string, string)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {ListingPrefix + "0"} and PartitionKey lt {ListingPrefix + ":"}");
        await foreach (var record in table.QueryFilterAsync(filter, cancellationToken))
        {
            if (listed.Count >= max)
            {
                yield break;
            }

            if (listed.Add((record.SubscriberId, record.AlertId)))
            {
                yield return record;
            }
        }
    }

    // Claims in progress are not listed; every outcome is.
    private Task ListAsync(DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (record.Status == DeliveryStatus.Sending)
        {
            return Task.CompletedTask;
        }

        var at = record.RecordedAt.UtcDateTime;
        var day = 99_999_999 - int.Parse(at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var row = string.Create(CultureInfo.InvariantCulture, $"{DateTime.MaxValue.Ticks - at.Ticks:D19}_{record.SubscriberId}_{record.AlertId}");
        return table.UpsertAsync(ListingPrefix + day.ToString("D8", CultureInfo.InvariantCulture), row, record, cancellationToken);
    }
}
