namespace Alerts.LocalDev.Webhooks;

/// <summary>How to start a <see cref="WebhookSink"/>.</summary>
public sealed record WebhookSinkOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Folder for the saved payloads; a fresh temporary folder when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>The answer when no scripted response is queued. Teams Workflows' own answer by default.</summary>
    public SinkResponse DefaultResponse { get; init; } = SinkResponse.Accepted();

    /// <summary>Largest body accepted, in bytes (Kestrel answers 413 above it).</summary>
    public long MaxBodySize { get; init; } = 1024 * 1024;

    /// <summary>Clock used to stamp arrivals.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called after each request is saved (alerts inbox prints a line).</summary>
    public Action<ReceivedRequest>? OnArrival { get; init; }
}
