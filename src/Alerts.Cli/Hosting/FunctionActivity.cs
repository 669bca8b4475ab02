namespace Alerts.Cli.Hosting;

/// <summary>Counts invocations in flight, so the demo and tests can tell when the pipeline has gone quiet.</summary>
public sealed class FunctionActivity(TimeProvider time)
{
    private int _inFlight;
    private long _lastChangeTicks = time.GetUtcNow().UtcTicks;

    /// <summary>Invocations running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>When an invocation last started or finished.</summary>
    public DateTimeOffset LastChange => new(Interlocked.Read(ref _lastChangeTicks), TimeSpan.Zero);

    /// <summary>Marks an invocation as running until the result is disposed.</summary>
    public IDisposable Begin()
    {
        Interlocked.Increment(ref _inFlight);
        Touch();
        return new Completion(this);
    }

    private void Touch() => Interlocked.Exchange(ref _lastChangeTicks, time.GetUtcNow().UtcTicks);

    private sealed class Completion(FunctionActivity activity) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref activity._inFlight);
                activity.Touch();
            }
        }
    }
}
