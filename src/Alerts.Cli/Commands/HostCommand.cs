using System.CommandLine;
using Alerts.Cli.Hosting;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts host</c>: runs the Functions app's triggers locally, without Core Tools.</summary>
public static class HostCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where HTTP functions listen.", DefaultValueFactory = _ => "http://127.0.0.1:7071" };
        var noTimers = new Option<bool>("--no-timers") { Description = "Do not run timer triggers on their schedules." };
        var command = new Command("host", "Run the Functions app locally: queue and timer triggers with host.json semantics, HTTP functions under /api. Settings come from local.settings.json and the environment.")
        {
            urls,
            noTimers,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            LocalFunctionsHost? host = null;
            try
            {
                host = LocalFunctionsHost.Create(new LocalHostOptions
                {
                    Args = parseResult.UnmatchedTokens.ToArray(),
                    Urls = parseResult.GetValue(urls)!,
                    RunTimers = !parseResult.GetValue(noTimers),
                });
                await host.StartAsync(cancellationToken);
            }
            catch (Exception error) when (SettingErrors.Describe(error) is { } problems)
            {
                await Console.Error.WriteLineAsync("alerts host cannot start: fix these settings (local.settings.json or the environment):");
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync("  - " + problem);
                }

                if (host is not null)
                {
                    await host.DisposeAsync();
                }

                return 2;
            }

            await using (host)
            {
                Console.WriteLine($"Alerts local host on {host.BaseAddress} with {host.Functions.Count} functions:");
                foreach (var function in host.Functions)
                {
                    Console.WriteLine($"  {function.Registration.Name,-20} {Describe(function)}");
                }

                Console.WriteLine("Press Ctrl+C to stop.");
                await host.WaitForShutdownAsync(cancellationToken);
            }

            return 0;
        });
        return command;
    }

    private static string Describe(ResolvedFunction function) => function.Registration.Trigger switch
    {
        FunctionTrigger.Queue => $"queue  {function.Binding}",
        FunctionTrigger.Timer => $"timer  {function.Binding}",
        FunctionTrigger.Http http => $"http   {string.Join(',', http.Methods).ToUpperInvariant()} /api/{function.Binding}",
        _ => "",
    };
}
