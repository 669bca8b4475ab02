using Alerts.Functions;
using Alerts.Infrastructure.Storage;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Hosting;

/// <summary>How to run the local host.</summary>
public sealed record LocalHostOptions
{
    /// <summary>Command-line arguments (configuration overrides such as <c>--IngestSchedule=...</c>).</summary>
    public string[] Args { get; init; } = [];

    /// <summary>Settings that win over every other source (the demo and tests use them).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Where HTTP functions listen; port 7071 like Core Tools. Use port 0 for a free port.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:7071";

    /// <summary>host.json queue settings; null reads the shipped host.json.</summary>
    public QueueHostSettings? QueueSettings { get; init; }

    /// <summary>Run timer triggers on their schedules (the demo fires them on demand instead).</summary>
    public bool RunTimers { get; init; } = true;

    /// <summary>Read local.settings.json like <c>func start</c> does.</summary>
    public bool ReadLocalSettings { get; init; } = true;

    /// <summary>Last-minute service changes (observers, test doubles of time).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Log level for the console.</summary>
    public LogLevel MinimumLogLevel { get; init; } = LogLevel.Information;
}

/// <summary>
/// Runs the Functions app's own trigger classes without Azure Functions Core Tools: queue triggers with the
/// host.json semantics, timers on their schedules, HTTP functions under <c>/api</c> on Kestrel, against Azurite or
/// any storage account. It is both the developer's <c>func start</c> substitute and a plain worker service.
/// </summary>
public sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LocalFunctionsHost(WebApplication app, IReadOnlyList<ResolvedFunction> functions)
    {
        _app = app;
        Functions = functions;
    }

    /// <summary>The functions with their bindings resolved against the app settings.</summary>
    public IReadOnlyList<ResolvedFunction> Functions { get; }

    /// <summary>The app's services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The effective configuration.</summary>
    public IConfiguration Configuration => _app.Configuration;

    /// <summary>Base address of the HTTP functions once started.</summary>
    public Uri BaseAddress => new(_app.Urls.First());

    /// <summary>Builds the host; nothing runs until <see cref="StartAsync"/>.</summary>
    public static LocalFunctionsHost Create(LocalHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = options.Args, ContentRootPath = AppContext.BaseDirectory });
        ConfigureSettings(builder.Configuration, options);
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(options.MinimumLogLevel);
        builder.Logging.AddAlertsLogFilters();
        // A start-up failure is reported by `alerts host` itself, in words (SettingErrors), not as the generic host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        var configuration = builder.Configuration;
        builder.Services.AddAlertsApp(configuration);
        builder.Services.AddMvcCore();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<FunctionActivity>();
        var queueSettings = (options.QueueSettings ?? QueueHostSettings.Load(QueueHostSettings.DefaultPath)).WithOverrides(configuration);
        builder.Services.AddSingleton(queueSettings);
        builder.Services.AddKeyedSingleton("triggers", (provider, _) =>
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UndecodableMessages));
            return StorageClients.CreateQueueServiceClient(configuration, queueOptions => queueOptions.MessageDecodingFailed += args => UndecodableMessages.MoveToPoisonAsync(args, logger));
        });

        // AzureWebJobs.<Name>.Disabled=true switches a function off, as on the Functions host.
        var functions = FunctionCatalog.Discover()
            .Where(function => !string.Equals(configuration[$"AzureWebJobs.{function.Name}.Disabled"], "true", StringComparison.OrdinalIgnoreCase))
            .Select(function => ResolvedFunction.Resolve(function, configuration))
            .ToList();
        foreach (var function in functions)
        {
            switch (function.Registration.Trigger)
            {
                case FunctionTrigger.Queue:
                    builder.Services.AddSingleton<IHostedService>(provider => new QueueTriggerListener(
                        function.Registration,
                        function.Binding,
                        provider.GetRequiredKeyedService<QueueServiceClient>("triggers"),
                        queueSettings,
                        provider.GetRequiredService<FunctionInvoker>(),
                        provider.GetRequiredService<FunctionActivity>(),
                        provider.GetRequiredService<ILogger<QueueTriggerListener>>()));
                    break;
                case FunctionTrigger.Timer timer:
                    builder.Services.AddSingleton(provider =>
                        ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(provider, function.Registration, function.Binding, timer.RunOnStartup));
                    if (options.RunTimers)
                    {
                        builder.Services.AddSingleton<IHostedService>(provider => provider.GetServices<TimerTriggerScheduler>().Single(s => s.FunctionName == function.Registration.Name));
                    }

                    break;
            }
        }

        var keys = LocalKeys.From(configuration, options.Urls);
        options.ConfigureServices?.Invoke(builder.Services);
        var app = builder.Build();
        MapHttpFunctions(app, functions, keys);
        MapAdminEndpoint(app, keys);
        return new LocalFunctionsHost(app, functions);
    }

    /// <summary>Starts listening, polling and scheduling.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    /// <summary>Runs a timer function now (what <c>POST /admin/functions/{name}</c> does).</summary>
    public Task RunNowAsync(string functionName, CancellationToken cancellationToken)
    {
        var timer = _app.Services.GetServices<TimerTriggerScheduler>().SingleOrDefault(t => t.FunctionName == functionName)
            ?? throw new ArgumentException($"'{functionName}' is not a timer function.", nameof(functionName));
        return timer.RunNowAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until no invocation runs and every work queue is empty for <paramref name="quietPeriod"/>; false on timeout.
    /// </summary>
    public async Task<bool> WaitForIdleAsync(TimeSpan quietPeriod, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var activity = _app.Services.GetRequiredService<FunctionActivity>();
        var queues = _app.Services.GetRequiredService<QueueServiceClient>();
        var names = _app.Services.GetRequiredService<StorageNames>();
        var time = _app.Services.GetRequiredService<TimeProvider>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var quietSince = (DateTimeOffset?)null;
        try
        {
            while (true)
            {
                var idle = activity.InFlight == 0 && await AllEmptyAsync(queues, names, deadline.Token);
                var now = time.GetUtcNow();
                quietSince = idle ? quietSince ?? now : null;
                if (quietSince is { } since && now - since >= quietPeriod && now - activity.LastChange >= quietPeriod)
                {
                    return true;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(200), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Stops the host gracefully.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    /// <summary>Blocks until the host shuts down (Ctrl+C).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static async Task<bool> AllEmptyAsync(QueueServiceClient queues, StorageNames names, CancellationToken cancellationToken)
    {
        foreach (var queue in names.WorkQueues)
        {
            var properties = await queues.GetQueueClient(queue).GetPropertiesAsync(cancellationToken);
            if (properties.Value.ApproximateMessagesCount > 0)
            {
                return false;
            }
        }

        return true;
    }

    private static void ConfigureSettings(ConfigurationManager configuration, LocalHostOptions options)
    {
        // Lowest priority first: defaults, then local.settings.json, then what CreateSlimBuilder added
        // (environment, command line), then the caller's explicit settings.
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = AppSettings.Defaults });
        if (options.ReadLocalSettings && AppSettings.FindLocalSettings() is { } localSettings)
        {
            configuration.Sources.Insert(1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = AppSettings.ReadLocalSettings(localSettings) });
        }

        configuration.AddInMemoryCollection(options.Settings);
    }

    private static void MapHttpFunctions(WebApplication app, IReadOnlyList<ResolvedFunction> functions, LocalKeys keys)
    {
        var invoker = app.Services.GetRequiredService<FunctionInvoker>();
        var activity = app.Services.GetRequiredService<FunctionActivity>();
        foreach (var function in functions)
        {
            if (function.Registration.Trigger is not FunctionTrigger.Http http)
            {
                continue;
            }

            app.MapMethods("/api/" + function.Binding, http.Methods.Select(m => m.ToUpperInvariant()), async context =>
            {
                if (keys.Check(context.Request, http.AuthLevel) is { } refused)
                {
                    await refused.ExecuteAsync(context);
                    return;
                }

                using var _ = activity.Begin();
                var routeValues = context.Request.RouteValues.ToDictionary(pair => pair.Key, pair => pair.Value?.ToString());
                var result = await invoker.InvokeAsync(function.Registration, context.Request, routeValues, context.RequestAborted);
                switch (result)
                {
                    case IActionResult actionResult:
                        await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                        break;
                    case IResult httpResult:
                        await httpResult.ExecuteAsync(context);
                        break;
                    default:
                        context.Response.StatusCode = StatusCodes.Status204NoContent;
                        break;
                }
            }).WithName(function.Registration.Name);
        }
    }

    private static void MapAdminEndpoint(WebApplication app, LocalKeys keys) =>
        app.MapPost("/admin/functions/{name}", async (string name, HttpContext context) =>
        {
            if (keys.Check(context.Request, Microsoft.Azure.Functions.Worker.AuthorizationLevel.Admin) is { } refused)
            {
                return refused;
            }

            var timer = app.Services.GetServices<TimerTriggerScheduler>().SingleOrDefault(t => t.FunctionName == name);
            if (timer is null)
            {
                return Results.NotFound();
            }

            await timer.RunNowAsync(context.RequestAborted);
            return Results.Accepted();
        });
}

/// <summary>A function with its binding expression resolved: the queue name, schedule or route it really uses.</summary>
/// <param name="Registration">The function.</param>
/// <param name="Binding">Queue name, schedule, or route after <c>%AppSetting%</c> resolution.</param>
public sealed record ResolvedFunction(FunctionRegistration Registration, string Binding)
{
    /// <summary>Resolves the trigger's binding expression against the app settings.</summary>
    public static ResolvedFunction Resolve(FunctionRegistration registration, IConfiguration configuration) => new(
        registration,
        registration.Trigger switch
        {
            FunctionTrigger.Queue queue => AppSettings.Resolve(queue.QueueName, configuration),
            FunctionTrigger.Timer timer => AppSettings.Resolve(timer.Schedule, configuration),
            FunctionTrigger.Http http => http.Route,
            _ => throw new InvalidOperationException("Unknown trigger."),
        });
}
