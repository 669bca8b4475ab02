using Alerts.Core.Delivery;
using Alerts.Core.Subscriptions;

namespace Alerts.Testing.Fakes;

/// <summary>
/// A channel that answers what the test scripts: each send takes the next result, or waits on a gate the test
/// opens (or until the send is cancelled) when the script says so.
/// </summary>
public sealed class ScriptedChannel(ChannelKind kind = ChannelKind.Webhook) : IAlertChannel
{
    private readonly Queue<Func<CancellationToken, Task<ChannelResult>>> _script = new();
    private int _sends;

    public ChannelKind Kind => kind;

    public int Sends => _sends;

    /// <summary>Set when a send has started and is waiting on its gate.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ScriptedChannel Answers(ChannelResult result)
    {
        _script.Enqueue(_ => Task.FromResult(result));
        return this;
    }

    /// <summary>The next send waits until <paramref name="gate"/> completes (then succeeds) or the send is cancelled.</summary>
    public ScriptedChannel Waits(Task gate)
    {
        _script.Enqueue(async cancellationToken =>
        {
            Started.TrySetResult();
            await gate.WaitAsync(cancellationToken);
            return ChannelResult.Success("202 Accepted");
        });
        return this;
    }

    /// <summary>Every digest sent, in order.</summary>
    public List<DigestNotification> Digests { get; } = [];

    public Task<ChannelResult> SendDigestAsync(DigestNotification digest, CancellationToken cancellationToken)
    {
        lock (Digests)
        {
            Digests.Add(digest);
        }

        return SendAsync(null!, cancellationToken);
    }

    public Task<ChannelResult> SendAsync(AlertNotification notification, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _sends);
        return _script.TryDequeue(out var next) ? next(cancellationToken) : Task.FromResult(ChannelResult.Success("202 Accepted"));
    }
}
