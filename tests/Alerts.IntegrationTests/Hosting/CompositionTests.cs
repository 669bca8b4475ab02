using Alerts.Cli.Hosting;
using Alerts.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.IntegrationTests.Hosting;

/// <summary>The Functions host and <c>alerts host</c> compose the app alike: same services, same log filters.</summary>
public sealed class CompositionTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
    };

    [Fact]
    public async Task LocalHost_HasEveryServiceTheFunctionsAppRegisters()
    {
        // Arrange: the Functions app's builder, composed as Program.cs composes it.
        var functions = FunctionsApplication.CreateBuilder([]);
        functions.Configuration.AddInMemoryCollection(Settings);
        functions.Services.AddAlertsApp(functions.Configuration);
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions { Urls = "http://127.0.0.1:0", RunTimers = false, ReadLocalSettings = false, Settings = Settings });

        // Act
        var missing = functions.Services
            .Where(d => d.ServiceType.Assembly.GetName().Name!.StartsWith("Alerts.", StringComparison.Ordinal))
            .Select(d => d.ServiceKey is null ? host.Services.GetService(d.ServiceType) is null && !IsEnumerable(host.Services, d.ServiceType) : false)
            .Count(isMissing => isMissing);

        // Assert
        Assert.Equal(0, missing);
    }

    [Fact]
    public async Task LocalHost_FiltersLogsAsTheFunctionsAppDoes()
    {
        // Arrange
        var functions = FunctionsApplication.CreateBuilder([]);
        functions.Logging.AddAlertsLogFilters();
        await using var host = LocalFunctionsHost.Create(new LocalHostOptions { Urls = "http://127.0.0.1:0", RunTimers = false, ReadLocalSettings = false, Settings = Settings });
        using var functionsServices = functions.Services.BuildServiceProvider();

        // Act
        var expected = Rules(functionsServices);
        var actual = Rules(host.Services);

        // Assert
        Assert.Subset(actual, expected);
    }

    private static bool IsEnumerable(IServiceProvider services, Type type) =>
        services.GetService(typeof(IEnumerable<>).MakeGenericType(type)) is IEnumerable<object> all && all.Any();

    private static HashSet<string> Rules(IServiceProvider services) =>
        services.GetRequiredService<IOptions<LoggerFilterOptions>>().Value.Rules
            .Where(r => r.CategoryName is not null)
            .Select(r => $"{r.CategoryName}={r.LogLevel}")
            .ToHashSet(StringComparer.Ordinal);
}
