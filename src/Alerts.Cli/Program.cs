using System.CommandLine;
using Alerts.Cli.Commands;

var root = new RootCommand("Alerts: news alerts on watch topics, delivered by e-mail, Teams or webhook.")
{
    DemoCommand.Create(),
    HostCommand.Create(),
    OpsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
