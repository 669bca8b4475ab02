using System.Globalization;
using System.Runtime.CompilerServices;
using Alerts.Core.Articles;
using Alerts.Core.Workbench;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// The workbench's copy of recent articles: partition = the UTC day the article was first seen (<c>yyyyMMdd</c>), row =
/// its key, one compact JSON document (content cut at <see cref="IRecentArticles.MaxContentChars"/>). A new version
/// replaces the old one in place; a preview reads one partition per day.
/// </summary>
internal sealed class TableRecentArticles(JsonEntityTable<Article> table, TimeProvider time) : IRecentArticles
{
    public Task AddAsync(Article article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var seen = article.FirstSeen == default ? time.GetUtcNow() : article.FirstSeen;
        var compact = article with
        {
            FirstSeen = seen,
            Content = article.Content is { Length: > IRecentArticles.MaxContentChars } content ? content[..IRecentArticles.MaxContentChars] : article.Content,
        };
        return table.UpsertAsync(Day(seen), article.Key, compact, cancellationToken);
    }

    public async IAsyncEnumerable<Article> ListSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var day = time.GetUtcNow().UtcDateTime.Date; day >= since.UtcDateTime.Date; day = day.AddDays(-1))
        {
            await foreach (var article in table.QueryAsync(Day(day), cancellationToken))
            {
                if (article.FirstSeen >= since)
                {
                    yield return article;
                }
            }
        }
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
