using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Hosting;

/// <summary>The <c>extensions.queues</c> settings of host.json, which the local host applies like the Functions host.</summary>
public sealed record QueueHostSettings
{
    /// <summary>App-setting section that overrides host.json on the Functions host (<c>AzureFunctionsJobHost__extensions__queues__batchSize</c>).</summary>
    public const string OverrideSection = "AzureFunctionsJobHost:extensions:queues";

    /// <summary>
    /// Local-host setting: how long a received message stays invisible while its function runs (renewed halfway, as
    /// the Functions host does with its fixed 10 minutes). Shorter makes a crashed host's messages reappear sooner.
    /// </summary>
    public const string MessageLeaseSetting = "AlertsLocalHost:MessageLease";

    private int? _newBatchThreshold;

    /// <summary>Messages fetched per poll and processed in parallel.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>A new batch is fetched once this few messages are still being processed (default: half the batch).</summary>
    public int NewBatchThreshold
    {
        get => _newBatchThreshold ?? BatchSize / 2;
        init => _newBatchThreshold = value;
    }

    /// <summary>Attempts before a message moves to <c>&lt;queue&gt;-poison</c>.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Delay before a failed message becomes visible again (the retry delay).</summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;

    /// <summary>Longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a message being processed stays invisible before its lease is renewed (halfway).</summary>
    public TimeSpan MessageLease { get; init; } = TimeSpan.FromMinutes(10);

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
            settings = settings.With(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        }

        return settings;
    }

    /// <summary>host.json with the app settings that override it, as on the Functions host, and the local lease.</summary>
    public QueueHostSettings WithOverrides(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = this;
        foreach (var setting in configuration.GetSection(OverrideSection).GetChildren())
        {
            if (setting.Value is { } value)
            {
                settings = settings.With(setting.Key, value);
            }
        }

        return configuration[MessageLeaseSetting] is { } lease
            ? settings with { MessageLease = TimeSpan.Parse(lease, CultureInfo.InvariantCulture) }
            : settings;
    }

    /// <summary>The host.json shipped next to the program (copied from the Functions project).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    private QueueHostSettings With(string name, string value) => name.ToLowerInvariant() switch
    {
        "batchsize" => this with { BatchSize = int.Parse(value, CultureInfo.InvariantCulture) },
        "newbatchthreshold" => this with { NewBatchThreshold = int.Parse(value, CultureInfo.InvariantCulture) },
        "maxdequeuecount" => this with { MaxDequeueCount = int.Parse(value, CultureInfo.InvariantCulture) },
        "visibilitytimeout" => this with { VisibilityTimeout = TimeSpan.Parse(value, CultureInfo.InvariantCulture) },
        "maxpollinginterval" => this with { MaxPollingInterval = TimeSpan.Parse(value, CultureInfo.InvariantCulture) },
        _ => this,
    };
}
