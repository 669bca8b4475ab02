namespace Alerts.LocalDev.Smtp;

/// <summary>How to start an <see cref="SmtpSink"/>.</summary>
public sealed record SmtpSinkOptions
{
    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Folder for the <c>.eml</c> and <c>.html</c> files; a fresh temporary folder when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Largest message accepted, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 10 * 1024 * 1024;

    /// <summary>Clock used to stamp arrivals.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called after each message is saved (alerts inbox prints a line).</summary>
    public Action<ReceivedEmail>? OnArrival { get; init; }
}
