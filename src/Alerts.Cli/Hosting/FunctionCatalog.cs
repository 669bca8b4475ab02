using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Cli.Hosting;

/// <summary>What starts a function: the same facts the Worker SDK writes into <c>functions.metadata</c>.</summary>
public abstract record FunctionTrigger
{
    private FunctionTrigger() { }

    /// <summary>A queue trigger; the name may be an <c>%AppSetting%</c> expression.</summary>
    public sealed record Queue(string QueueName) : FunctionTrigger;

    /// <summary>A timer trigger with a 6-field NCRONTAB schedule or <c>%AppSetting%</c>.</summary>
    public sealed record Timer(string Schedule, bool RunOnStartup) : FunctionTrigger;

    /// <summary>An HTTP trigger under <c>/api/{Route}</c>.</summary>
    public sealed record Http(string Route, IReadOnlyList<string> Methods, AuthorizationLevel AuthLevel) : FunctionTrigger;
}

/// <summary>One function of the app: its name, trigger and the method to call.</summary>
public sealed record FunctionRegistration(string Name, FunctionTrigger Trigger, MethodInfo Method)
{
    /// <summary>The class that declares the function (created per invocation through DI, as the worker does).</summary>
    public Type FunctionClass => Method.DeclaringType!;
}

/// <summary>
/// Reads the Functions app's own <c>[Function]</c> methods by reflection, so the local host runs exactly the
/// triggers the Worker SDK declares to Azure (a test holds the two to each other).
/// </summary>
public static class FunctionCatalog
{
    /// <summary>Every function in the Alerts.Functions assembly.</summary>
    public static IReadOnlyList<FunctionRegistration> Discover() => Discover(typeof(Alerts.Functions.IngestFeeds).Assembly);

    /// <summary>Every function in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<FunctionRegistration> Discover(Assembly assembly) =>
        assembly.GetExportedTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Select(method => (method, function: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.function is not null)
            .Select(pair => new FunctionRegistration(pair.function!.Name, TriggerOf(pair.method), pair.method))
            .OrderBy(registration => registration.Name, StringComparer.Ordinal)
            .ToList();

    private static FunctionTrigger TriggerOf(MethodInfo method)
    {
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
            {
                return new FunctionTrigger.Queue(queue.QueueName);
            }

            if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
            {
                return new FunctionTrigger.Timer(timer.Schedule, timer.RunOnStartup);
            }

            if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
            {
                return new FunctionTrigger.Http(
                    http.Route ?? method.GetCustomAttribute<FunctionAttribute>()!.Name,
                    http.Methods ?? ["get", "post"],
                    http.AuthLevel);
            }
        }

        throw new InvalidOperationException($"Function method {method.DeclaringType?.Name}.{method.Name} has no trigger the local host supports.");
    }
}
