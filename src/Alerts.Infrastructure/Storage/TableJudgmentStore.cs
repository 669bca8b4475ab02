using Alerts.Core.Workbench;

namespace Alerts.Infrastructure.Storage;

/// <summary>Judgments: partition = topic, row = article and subscriber (a later word replaces the earlier).</summary>
internal sealed class TableJudgmentStore(JsonEntityTable<Judgment> table) : IJudgmentStore
{
    public Task RecordAsync(Judgment judgment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        return table.UpsertAsync(judgment.TopicId, RowKey(judgment), judgment, cancellationToken);
    }

    public IAsyncEnumerable<Judgment> ListAsync(string topicId, CancellationToken cancellationToken) => table.QueryAsync(topicId, cancellationToken);

    // Row keys may not hold / \ # ? or control characters; the JSON keeps the exact values.
    private static string RowKey(Judgment judgment) =>
        new string($"{judgment.ArticleKey}|{judgment.SubscriberId}".Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());
}
