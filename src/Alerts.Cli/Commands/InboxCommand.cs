using System.CommandLine;
using System.Runtime.InteropServices;
using Alerts.LocalDev.Smtp;
using Alerts.LocalDev.Webhooks;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts inbox</c>: a local SMTP server and webhook listener that save what they receive, so a developer running
/// <c>alerts host</c> or <c>func start</c> sees real alerts without a mail account or a Teams tenant.
/// </summary>
public static class InboxCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var smtpPort = new Option<int>("--smtp-port") { Description = "SMTP port on 127.0.0.1.", DefaultValueFactory = _ => 2525 };
        var webhookPort = new Option<int>("--webhook-port") { Description = "Webhook port on 127.0.0.1 (use it as a Teams or webhook subscriber's URL).", DefaultValueFactory = _ => 7072 };
        var folder = new Option<string>("--output") { Description = "Where messages are saved.", DefaultValueFactory = _ => Path.Combine(".alerts", "inbox") };
        var command = new Command("inbox", "Run a local SMTP inbox and webhook listener that save every alert they receive (.eml/.html and .json).")
        {
            smtpPort,
            webhookPort,
            folder,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            // The webhook listener's web host takes over SIGINT and SIGTERM for itself; stop on either here, explicitly.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });
            var output = Path.GetFullPath(parseResult.GetValue(folder)!);
            await using var smtp = await SmtpSink.StartAsync(
                new SmtpSinkOptions { Port = parseResult.GetValue(smtpPort), OutputDirectory = Path.Combine(output, "mail"), OnArrival = PrintEmail },
                stop.Token);
            await using var hooks = await WebhookSink.StartAsync(
                new WebhookSinkOptions { Port = parseResult.GetValue(webhookPort), OutputDirectory = Path.Combine(output, "hooks"), OnArrival = PrintRequest },
                stop.Token);
            Console.WriteLine($"SMTP inbox on {smtp.Host}:{smtp.Port}, saving to {smtp.OutputDirectory}");
            Console.WriteLine($"Webhook listener on {hooks.BaseUrl}, saving to {hooks.OutputDirectory} (headers beside each body)");
            Console.WriteLine("Press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping.");
            }

            return 0;
        });
        return command;
    }

    private static void PrintEmail(ReceivedEmail email) =>
        Console.WriteLine($"{email.ReceivedAt:HH:mm:ss} mail to {string.Join(", ", email.Recipients)}: {email.Subject} -> {email.EmlPath}");

    private static void PrintRequest(ReceivedRequest request) =>
        Console.WriteLine($"{request.ReceivedAt:HH:mm:ss} {request.Method} {request.Path}{(request.Header("X-Alerts-Signature") is null ? string.Empty : " (signed)")} -> {request.SavedPath}");
}
