using System.Globalization;
using Alerts.Core.Entities;
using Alerts.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Scoring;

/// <summary>Registers the scoring engine.</summary>
public static class ScoringServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="TopicIndexScorer"/> as the <see cref="IArticleScorer"/> (replacing any earlier scorer), with
    /// <see cref="ScoringOptions"/> from <c>Alerts:Scoring</c> validated at start. Needs an <see cref="ITopicStore"/>;
    /// uses an <see cref="IEntityEnricher"/> when one is registered.
    /// </summary>
    public static IServiceCollection AddAlertsScoring(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ScoringOptions.SectionName);
        services.AddOptions<ScoringOptions>()
            .Configure(options =>
            {
                options.RefreshIntervalSeconds = ReadInt(section, nameof(ScoringOptions.RefreshIntervalSeconds), options.RefreshIntervalSeconds);
                options.Semantic = string.Equals(section[nameof(ScoringOptions.Semantic)], "true", StringComparison.OrdinalIgnoreCase);
                options.SemanticMinSimilarity = ReadDouble(section, nameof(ScoringOptions.SemanticMinSimilarity), options.SemanticMinSimilarity);
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new TopicIndexScorer(
            sp.GetRequiredService<ITopicStore>(),
            sp.GetRequiredService<IOptions<ScoringOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<TopicIndexScorer>>(),
            sp.GetService<IEntityEnricher>(),
            sp.GetService<ITextEmbedder>()));
        services.RemoveAll<IArticleScorer>();
        services.AddSingleton<IArticleScorer>(sp => sp.GetRequiredService<TopicIndexScorer>());
        return services;
    }

    // Reads a number setting; an unreadable value becomes -1 so validation rejects it naming the setting.
    private static double ReadDouble(IConfiguration section, string key, double fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }

    // Reads an integer setting; an unreadable value becomes -1 so validation rejects it naming the setting.
    private static int ReadInt(IConfiguration section, string key, int fallback)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }
}
