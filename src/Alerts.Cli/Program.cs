using System.CommandLine;
using Alerts.Cli.Commands;
using Alerts.Infrastructure.Feeds.Parsing;

var root = new RootCommand("Alerts: news alerts on watch topics, delivered by e-mail, Teams or webhook.")
{
    DemoCommand.Create(),
    BenchCommand.Create(),
    HostCommand.Create(),
    InboxCommand.Create(),
    OpsCommand.Create(),
    TopicsCommand.Create(new FeedParser()),
    ScoreCommand.Create(new FeedParser()),
    EvalCommand.Create(new FeedParser()),
    FeedParseCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
