using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Alerts.Core.Pipeline;

namespace Alerts.Cli.Benchmarks;

/// <summary>
/// Records the app's own intake-to-delivery histogram (<c>alerts.delivery.since_ingested</c>, seconds) while it is
/// alive, so each stage of a benchmark reads the deliveries made during that stage only.
/// </summary>
internal sealed class LatencyRecorder : IDisposable
{
    private const string Instrument = "alerts.delivery.since_ingested";

    private readonly ConcurrentQueue<double> _seconds = new();
    private readonly MeterListener _listener = new();

    public LatencyRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AlertsMetrics.MeterName && instrument.Name == Instrument)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _seconds.Enqueue(value));
        _listener.Start();
    }

    /// <summary>Deliveries recorded so far.</summary>
    public int Count => _seconds.Count;

    /// <summary>p50, p95, p99 and max of what was recorded, in words.</summary>
    public string Percentiles()
    {
        var seconds = _seconds.ToList();
        if (seconds.Count == 0)
        {
            return "no deliveries";
        }

        seconds.Sort();
        double At(double p) => seconds[Math.Min(seconds.Count - 1, (int)Math.Ceiling(p * seconds.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):0.00} s, p95 {At(0.95):0.00} s, p99 {At(0.99):0.00} s, max {seconds[^1]:0.00} s ({seconds.Count:N0} deliveries)");
    }

    public void Dispose() => _listener.Dispose();
}
