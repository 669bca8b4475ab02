using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Calls a function method the way the isolated worker does: a fresh DI scope and class instance per invocation,
/// the trigger value bound to the trigger parameter, route values to same-named string parameters.
/// </summary>
public sealed class FunctionInvoker(IServiceScopeFactory scopes)
{
    /// <summary>Invokes the function and returns what it returned (null for void/Task).</summary>
    public async Task<object?> InvokeAsync(
        FunctionRegistration function, object? triggerValue, IReadOnlyDictionary<string, string?> routeValues, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var instance = ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.FunctionClass);
        var arguments = function.Method.GetParameters().Select(parameter => Bind(parameter, triggerValue, routeValues, cancellationToken)).ToArray();
        try
        {
            var result = function.Method.Invoke(instance, arguments);
            return result switch
            {
                Task task => await AwaitResultAsync(task),
                _ => result,
            };
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }
    }

    private static object? Bind(ParameterInfo parameter, object? triggerValue, IReadOnlyDictionary<string, string?> routeValues, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return cancellationToken;
        }

        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is not null
            || parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null
            || parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null)
        {
            return triggerValue;
        }

        if (parameter.ParameterType == typeof(string) && parameter.Name is not null && routeValues.TryGetValue(parameter.Name, out var value))
        {
            return value;
        }

        throw new InvalidOperationException($"The local host cannot bind parameter '{parameter.Name}' of {parameter.Member.DeclaringType?.Name}.{parameter.Member.Name}.");
    }

    private static async Task<object?> AwaitResultAsync(Task task)
    {
        await task;
        var type = task.GetType();
        return type.IsGenericType && type.GetProperty("Result") is { } result && result.PropertyType.Name != "VoidTaskResult"
            ? result.GetValue(task)
            : null;
    }

    /// <summary>The value a timer function receives.</summary>
    public static TimerInfo TimerInfoFor(DateTimeOffset last, DateTimeOffset next, bool isPastDue) => new()
    {
        IsPastDue = isPastDue,
        ScheduleStatus = new ScheduleStatus { Last = last.UtcDateTime, Next = next.UtcDateTime, LastUpdated = last.UtcDateTime },
    };
}
