using System.Text.Json;

namespace Alerts.Cli.Hosting;

/// <summary>The <c>extensions.queues</c> settings of host.json, which the local host applies like the Functions host.</summary>
public sealed record QueueHostSettings
{
    /// <summary>Messages fetched per poll and processed in parallel.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Delay before a failed message becomes visible again (the retry delay).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Reads host.json; missing values keep the Functions defaults.</summary>
    public static QueueHostSettings Load(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var settings = new QueueHostSettings();
        if (!document.RootElement.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return settings;
        }

        foreach (var property in queues.EnumerateObject())
        {
            settings = property.Name.ToLowerInvariant() switch
            {
                "batchsize" => settings with { BatchSize = property.Value.GetInt32() },
                "maxdequeuecount" => settings with { MaxDequeueCount = property.Value.GetInt32() },
                "visibilitytimeout" => settings with { VisibilityTimeout = TimeSpan.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) },
                "maxpollinginterval" => settings with { MaxPollingInterval = TimeSpan.Parse(property.Value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) },
                _ => settings,
            };
        }

        return settings;
    }

    /// <summary>The host.json shipped next to the program (copied from the Functions project).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");
}
