using Alerts.Core.Entities;
using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Infrastructure.Language;

/// <summary>Registers the optional Azure AI Language enrichment.</summary>
public static class LanguageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AzureLanguageOptions"/> from <c>Alerts:Language</c> (validated at start) and
    /// registers <see cref="IEntityEnricher"/>: <see cref="AzureLanguageEntityEnricher"/> when
    /// <c>Alerts:Language:Enabled</c> is true, otherwise <see cref="DisabledEntityEnricher"/>.
    /// Without <c>Alerts:Language:ApiKey</c> the client uses a <see cref="TokenCredential"/> registered
    /// in the container, or <c>DefaultAzureCredential</c>.
    /// </summary>
    public static IServiceCollection AddAlertsLanguage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AzureLanguageOptions>()
            .Bind(configuration.GetSection(AzureLanguageOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureLanguageOptions>, AzureLanguageOptionsValidator>());

        services.TryAddSingleton<IEntityEnricher>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AzureLanguageOptions>>();
            return options.Value.Enabled
                ? new AzureLanguageEntityEnricher(
                    options,
                    provider.GetRequiredService<ILogger<AzureLanguageEntityEnricher>>(),
                    provider.GetService<TokenCredential>(),
                    provider.GetService<TimeProvider>())
                : new DisabledEntityEnricher();
        });
        return services;
    }
}
