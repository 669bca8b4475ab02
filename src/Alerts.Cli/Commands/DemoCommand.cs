using System.CommandLine;
using Alerts.Cli.Demo;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts demo</c>: the whole pipeline on local stand-ins, end to end.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var feed = new Option<string?>("--feed") { Description = "A feed file or http(s) URL to run instead of the built-in sample feed." };
        var output = new Option<string?>("--output") { Description = "Folder for received e-mails and Teams payloads (default .alerts/demo)." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the pipeline to finish.", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "Run the whole pipeline locally: Azurite, a local SMTP inbox and Teams webhook, the sample topic and subscribers, a feed, the real functions and queues. Exits 0 when the matching story reached both subscribers.")
        {
            feed,
            output,
            timeout,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new DemoOptions(parseResult.GetValue(feed), parseResult.GetValue(output), TimeSpan.FromSeconds(parseResult.GetValue(timeout)));
            try
            {
                return await DemoRun.ExecuteAsync(options, Console.Out, cancellationToken);
            }
            catch (DemoSetupException e)
            {
                await Console.Error.WriteLineAsync($"demo: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
