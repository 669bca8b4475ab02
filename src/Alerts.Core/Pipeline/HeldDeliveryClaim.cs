using Alerts.Core.Subscriptions;
using Alerts.Core.Delivery;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>
/// A delivery this instance has claimed. It sends within the ledger's deadline while renewing the claim every third of
/// its lease, and writes the outcome only if the claim is still the version it last wrote.
/// </summary>
public sealed class HeldDeliveryClaim
{
    private readonly DeliveryLedger _ledger;
    private DeliveryRecord _claim;
    private string _token;
    private bool _lost;

    internal HeldDeliveryClaim(DeliveryLedger ledger, DeliveryRecord claim, string token)
    {
        _ledger = ledger;
        _claim = claim;
        _token = token;
    }

    /// <summary>Attempts so far, this one included.</summary>
    public int Attempts => _claim.Attempts;

    /// <summary>Whether another instance took the delivery over (the claim could not be renewed).</summary>
    public bool IsLost => _lost;

    /// <summary>
    /// Sends on <paramref name="channel"/>, giving up at the send deadline (a passing failure: it is tried again) or
    /// as soon as the claim is found taken over.
    /// </summary>
    public Task<ChannelResult> SendAsync(IAlertChannel channel, AlertNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return SendAsync(token => channel.SendAsync(notification, token), cancellationToken);
    }

    /// <summary>Sends whatever <paramref name="send"/> sends (an alert, a digest) under the same deadline and renewal.</summary>
    public async Task<ChannelResult> SendAsync(Func<CancellationToken, Task<ChannelResult>> send, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(send);
        using var deadline = new CancellationTokenSource(_ledger.SendDeadline, _ledger.Time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewWhileSendingAsync(sending, renewing.Token);
        try
        {
            return await send(sending.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failure(_lost
                ? "stopped: another instance took this delivery over"
                : $"the send did not finish within {_ledger.SendDeadline.TotalSeconds:0} s");
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
        }
    }

    /// <summary>
    /// Records the send's outcome in place of the claim. False when the claim was taken over meanwhile: the new
    /// owner's record stands and this outcome is only logged.
    /// </summary>
    public async Task<bool> RecordAsync(ChannelResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var status = result.Succeeded ? DeliveryStatus.Sent : DeliveryStatus.Failed;
        var detail = result.Permanent ? "gave up, retrying cannot help: " + result.Detail : result.Detail;
        var outcome = _claim with { Status = status, Detail = detail, RecordedAt = _ledger.Time.GetUtcNow() };
        if (_lost || await _ledger.Store.ReplaceClaimedAsync(outcome, _token, cancellationToken) is null)
        {
            _lost = true;
            _ledger.Logger.LogWarning(
                "Alert {AlertId} to subscriber {SubscriberRef}: another instance took the delivery over; its record stands ({Status} here: {Detail})",
                outcome.AlertId, SubscriberRef.For(outcome.SubscriberId), status, detail);
            return false;
        }

        _ledger.Observer.DeliveryRecorded(outcome, alreadyDelivered: false);
        return true;
    }

    // Renews the claim every third of its lease until the send ends; a renewal that finds the claim taken over
    // stops the send.
    private async Task RenewWhileSendingAsync(CancellationTokenSource sending, CancellationToken stop)
    {
        var every = _ledger.ClaimLease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, _ledger.Time, stop);
                var renewed = _claim with { RecordedAt = _ledger.Time.GetUtcNow() };
                string? token;
                try
                {
                    // Not cancelled when the send ends: a renewal the store applied must be seen here, or the outcome
                    // would be written against a version that no longer exists and be taken for a lost claim.
                    token = await _ledger.Store.ReplaceClaimedAsync(renewed, _token, CancellationToken.None);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The claim still holds for a minute past the send deadline; the next renewal tries again.
                    _ledger.Logger.LogWarning(e, "Could not renew the claim on alert {AlertId}; trying again", _claim.AlertId);
                    continue;
                }

                if (token is null)
                {
                    _lost = true;
                    await sending.CancelAsync();
                    return;
                }

                (_claim, _token) = (renewed, token);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The send ended.
        }
    }
}
