using Alerts.Infrastructure.Feeds.Fetching;
using Alerts.Infrastructure.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Alerts.Infrastructure.Tests.Fetching;

/// <summary>The real registrations of <c>AddAlertsIngestion</c>, with test settings.</summary>
internal static class IngestionServices
{
    public const string TestUserAgent = "Alerts/1.0 (tests; +https://alerts.example/bot)";

    public static ServiceProvider Build(
        bool allowPrivateNetworks = true,
        TimeProvider? timeProvider = null,
        IHostAddressResolver? resolver = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? extra = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Alerts:Http:AllowPrivateNetworks"] = allowPrivateNetworks ? "true" : "false",
            ["Alerts:Http:UserAgent"] = TestUserAgent,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        if (resolver is not null)
        {
            services.TryAddSingleton(resolver);
        }

        extra?.Invoke(services);
        services.AddAlertsIngestion(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false, ValidateScopes = true });
    }
}
