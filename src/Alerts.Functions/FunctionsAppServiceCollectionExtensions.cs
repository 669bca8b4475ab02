using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Functions;

/// <summary>What the Functions app adds on top of Core and Infrastructure; the local host calls it too.</summary>
public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>HTTP responses use the same JSON shape as requests and stored records: camelCase, enums as strings.</summary>
    public static IServiceCollection AddAlertsHttpApi(this IServiceCollection services)
    {
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
        {
            options.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            options.JsonSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        return services;
    }
}
