namespace Alerts.LocalDev;

/// <summary>
/// What a local sink has received, in arrival order, with a way to wait for an item that has not arrived yet.
/// Shared by the SMTP and webhook sinks so both behave the same under test.
/// </summary>
internal sealed class ArrivalLog<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<T> _items = [];
    private TaskCompletionSource _arrived = NewSignal();

    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _items.Add(item);
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.TrySetResult();
    }

    public async Task<T> WaitForAsync(Func<T, bool> predicate, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task next;
            int seen;
            lock (_gate)
            {
                var match = _items.FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                seen = _items.Count;
                next = _arrived.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"No matching {what} arrived within {timeout.TotalSeconds:0.#} s ({seen} received in all).");
            }
        }
    }

    public async Task<IReadOnlyList<T>> WaitForCountAsync(int count, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task next;
            int seen;
            lock (_gate)
            {
                if (_items.Count >= count)
                {
                    return [.. _items];
                }

                seen = _items.Count;
                next = _arrived.Task;
            }

            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} {what}(s) within {timeout.TotalSeconds:0.#} s but {seen} arrived.");
            }
        }
    }

    // Continuations run outside the lock and off the sink's I/O thread.
    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
