using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Alerts.Core.Pipeline;

namespace Alerts.Testing.Fakes;

/// <summary>Waiting alerts in memory, with the table's rule that a digest takes an alert only if no other has.</summary>
public sealed class InMemoryPendingAlertStore : IPendingAlertStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, string), PendingAlert> _rows = [];

    /// <summary>Every waiting alert.</summary>
    public IReadOnlyList<PendingAlert> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _rows.Values];
            }
        }
    }

    public Task<PendingAlert?> GetAsync(string subscriberId, string alertId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_rows.GetValueOrDefault((subscriberId, alertId)));
        }
    }

    public Task AddAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows.TryAdd((alert.SubscriberId, alert.AlertId), alert);
        }

        return Task.CompletedTask;
    }

    public IAsyncEnumerable<PendingAlert> ListDueAsync(DateTimeOffset dueBy, CancellationToken cancellationToken) =>
        Each(alert => alert.DueAt <= dueBy, cancellationToken);

    public IAsyncEnumerable<PendingAlert> ListAsync(string subscriberId, CancellationToken cancellationToken) =>
        Each(alert => alert.SubscriberId == subscriberId, cancellationToken);

    public Task<bool> TryTakeAsync(PendingAlert alert, string digestId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (alert.SubscriberId, alert.AlertId);
            if (!_rows.TryGetValue(key, out var current) || (current.DigestId is not null && current.DigestId != digestId))
            {
                return Task.FromResult(false);
            }

            _rows[key] = current with { DigestId = digestId, TakenAt = current.TakenAt ?? at };
            return Task.FromResult(true);
        }
    }

    public Task<bool> TryUpdateWaitingAsync(PendingAlert alert, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (alert.SubscriberId, alert.AlertId);
            if (!_rows.TryGetValue(key, out var current) || current.DigestId is not null)
            {
                return Task.FromResult(false);
            }

            _rows[key] = alert;
            return Task.FromResult(true);
        }
    }

    public Task RemoveAsync(string subscriberId, string alertId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _rows.Remove((subscriberId, alertId));
        }

        return Task.CompletedTask;
    }

    private async IAsyncEnumerable<PendingAlert> Each(Func<PendingAlert, bool> predicate, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<PendingAlert> rows;
        lock (_gate)
        {
            rows = [.. _rows.Values.Where(predicate)];
        }

        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return row;
        }
    }
}

/// <summary>Daily send counts in memory.</summary>
public sealed class InMemoryDailySendCounter : IDailySendCounter
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string, DateOnly), int> _counts = [];

    /// <summary>Messages counted for a subscriber on a day.</summary>
    public int CountOf(string subscriberId, DateOnly day)
    {
        lock (_gate)
        {
            return _counts.GetValueOrDefault((subscriberId, day));
        }
    }

    public Task<bool> TryCountAsync(string subscriberId, DateOnly day, int cap, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault((subscriberId, day));
            if (count >= cap)
            {
                return Task.FromResult(false);
            }

            _counts[(subscriberId, day)] = count + 1;
            return Task.FromResult(true);
        }
    }
}

/// <summary>Recent articles in memory, newest first.</summary>
public sealed class InMemoryRecentArticles : Alerts.Core.Workbench.IRecentArticles
{
    private readonly ConcurrentDictionary<string, Alerts.Core.Articles.Article> _articles = new();

    public IReadOnlyCollection<Alerts.Core.Articles.Article> All => [.. _articles.Values];

    public Task AddAsync(Alerts.Core.Articles.Article article, CancellationToken cancellationToken)
    {
        _articles[article.Key] = article;
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<Alerts.Core.Articles.Article> ListSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var article in _articles.Values.Where(a => a.FirstSeen >= since).OrderByDescending(a => a.FirstSeen).ToList())
        {
            await Task.Yield();
            yield return article;
        }
    }
}
