using Alerts.Core.Scoring;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Semantic;

/// <summary>Registers the text embedder of the semantic signal.</summary>
public static class SemanticServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MiniLmTextEmbedder"/> as the <see cref="ITextEmbedder"/> when <c>Alerts:Scoring:Semantic</c>
    /// is true; otherwise nothing, and the model is never loaded.
    /// </summary>
    public static IServiceCollection AddAlertsSemanticSignal(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.Equals(configuration[ScoringOptions.SectionName + ":" + nameof(ScoringOptions.Semantic)], "true", StringComparison.OrdinalIgnoreCase))
        {
            services.TryAddSingleton<ITextEmbedder, MiniLmTextEmbedder>();
        }

        return services;
    }
}
