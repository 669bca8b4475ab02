using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Hosting;

/// <summary>App settings as the Functions host sees them: defaults, then local.settings.json "Values", then the environment.</summary>
public static partial class AppSettings
{
    /// <summary>Settings every trigger binding needs, with the values the Bicep template also uses.</summary>
    public static IReadOnlyDictionary<string, string?> Defaults { get; } = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["FeedsToFetchQueueName"] = "feeds-to-fetch",
        ["ArticlesQueueName"] = "articles",
        ["DeliveriesQueueName"] = "deliveries",
        ["DigestsQueueName"] = "digests",
        ["IngestSchedule"] = "0 */5 * * * *",
    };

    /// <summary>Reads the "Values" of a local.settings.json, turning <c>A__B</c> keys into configuration paths.</summary>
    public static IReadOnlyDictionary<string, string?> ReadLocalSettings(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>();
        if (document.RootElement.TryGetProperty("Values", out var section))
        {
            foreach (var property in section.EnumerateObject())
            {
                values[property.Name.Replace("__", ":", StringComparison.Ordinal)] = property.Value.ValueKind == JsonValueKind.String
                    ? property.Value.GetString()
                    : property.Value.GetRawText();
            }
        }

        return values;
    }

    /// <summary>The local.settings.json the local host reads: in the working folder, else in src/Alerts.Functions.</summary>
    public static string? FindLocalSettings()
    {
        var candidates = new List<string> { Path.Combine(Directory.GetCurrentDirectory(), "local.settings.json") };
        if (Alerts.LocalDev.Azurite.AzuritePackage.FindRepositoryRoot() is { } root)
        {
            candidates.Add(Path.Combine(root, "src", "Alerts.Functions", "local.settings.json"));
        }

        return candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>Replaces <c>%Name%</c> with the app setting, as binding expressions do; a missing setting is an error naming it.</summary>
    public static string Resolve(string expression, IConfiguration configuration) =>
        SettingReference().Replace(expression, match =>
            configuration[match.Groups[1].Value]
            ?? throw new InvalidOperationException($"App setting '{match.Groups[1].Value}' is not set (used by a trigger binding '{expression}')."));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
