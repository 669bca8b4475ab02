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
        services.AddOptions<ScoringOptions>()
            .Bind(configuration.GetSection(ScoringOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var scorer = new TopicIndexScorer(
                sp.GetRequiredService<ITopicStore>(),
                sp.GetRequiredService<IOptions<ScoringOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<TopicIndexScorer>>(),
                sp.GetService<IEntityEnricher>(),
                sp.GetService<ITextEmbedder>());
            if (sp.GetService<AlertsMetrics>() is { } metrics)
            {
                scorer.IndexRebuilt += metrics.TopicIndexRebuilt;
            }

            return scorer;
        });
        services.RemoveAll<IArticleScorer>();
        services.AddSingleton<IArticleScorer>(sp => sp.GetRequiredService<TopicIndexScorer>());
        return services;
    }
}
