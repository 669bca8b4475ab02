using Alerts.LocalDev.Smtp;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Alerts.IntegrationTests.Channels;

public sealed class SmtpSinkTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendAsync_MultipartMessage_IsReceivedParsedAndSaved()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Sender", "sender@example.test"));
        message.To.Add(new MailboxAddress("Reader", "reader@example.test"));
        message.Subject = "Kabul airport: troops / update";
        message.Body = new BodyBuilder { TextBody = "plain\r\n.leading dot", HtmlBody = "<p>html</p>" }.ToMessageBody();

        // Act
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None, ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }

        var received = await sink.WaitForMessageAsync(m => m.Subject.StartsWith("Kabul", StringComparison.Ordinal), Wait, ct);

        // Assert
        Assert.Equal(["reader@example.test"], received.Recipients);
        Assert.Equal("sender@example.test", received.Sender);
        Assert.Contains(".leading dot", received.TextBody, StringComparison.Ordinal);
        Assert.Equal("<p>html</p>", received.HtmlBody);
        Assert.True(File.Exists(received.EmlPath));
        Assert.EndsWith(".eml", received.EmlPath, StringComparison.Ordinal);
        Assert.StartsWith(sink.OutputDirectory, received.EmlPath, StringComparison.Ordinal);
        Assert.Equal("<p>html</p>", await File.ReadAllTextAsync(received.HtmlPath!, ct));
        var reloaded = await MimeMessage.LoadAsync(received.EmlPath, ct);
        Assert.Equal(message.Subject, reloaded.Subject);
    }

    [Fact]
    public async Task SendAsync_RejectedRecipient_ClientGets550AndNothingIsStored()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        sink.RejectRecipient = address => address.StartsWith("nobody@", StringComparison.Ordinal);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("sender@example.test"));
        message.To.Add(MailboxAddress.Parse("nobody@example.test"));
        message.Subject = "refused";
        message.Body = new TextPart("plain") { Text = "x" };

        // Act
        using var client = new SmtpClient();
        await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None, ct);
        var error = await Assert.ThrowsAsync<SmtpCommandException>(() => client.SendAsync(message, ct));

        // Assert
        Assert.Equal(SmtpStatusCode.MailboxUnavailable, error.StatusCode);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task SendAsync_HostileSubject_IsSavedInsideTheOutputFolder()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("sender@example.test"));
        message.To.Add(MailboxAddress.Parse("reader@example.test"));
        message.Subject = "../../../etc/passwd\\..\\evil:*?<>|";
        message.Body = new TextPart("html") { Text = "<p>x</p>" };

        // Act
        using (var client = new SmtpClient())
        {
            await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None, ct);
            await client.SendAsync(message, ct);
        }

        var received = await sink.WaitForMessageAsync(_ => true, Wait, ct);

        // Assert
        Assert.Equal(sink.OutputDirectory, Path.GetDirectoryName(received.EmlPath));
        Assert.Equal(sink.OutputDirectory, Path.GetDirectoryName(received.HtmlPath));
        Assert.Matches("^[0-9]{8}T[0-9]{6}-0001-etc-passwd-evil\\.eml$", Path.GetFileName(received.EmlPath));
    }

    [Fact]
    public async Task SendAsync_ConcurrentClients_AllMessagesAreKeptWithDistinctFiles()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);

        // Act
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async i =>
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse("sender@example.test"));
            message.To.Add(MailboxAddress.Parse($"reader{i}@example.test"));
            message.Subject = "same subject";
            message.Body = new TextPart("plain") { Text = $"body {i}" };
            using var client = new SmtpClient();
            await client.ConnectAsync(sink.Host, sink.Port, SecureSocketOptions.None, ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(true, ct);
        }));
        var received = await sink.WaitForMessagesAsync(6, Wait, ct);

        // Assert
        Assert.Equal(6, received.Select(m => m.EmlPath).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 6), received.Select(m => m.Sequence).Order());
        Assert.Equal(
            Enumerable.Range(0, 6).Select(i => $"reader{i}@example.test"),
            received.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WaitForMessageAsync_NothingArrives_ThrowsTimeout()
    {
        // Arrange
        var ct = TestContext.Current.CancellationToken;
        await using var sink = await SmtpSink.StartAsync(cancellationToken: ct);

        // Act + Assert
        await Assert.ThrowsAsync<TimeoutException>(() => sink.WaitForMessageAsync(_ => true, TimeSpan.FromMilliseconds(50), ct));
    }
}
