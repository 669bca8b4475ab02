using System.ComponentModel.DataAnnotations;

namespace Alerts.Infrastructure.Channels;

/// <summary>How the connection to the SMTP server is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text. Only for a local sink or a relay on the same host.</summary>
    None,

    /// <summary>Connect in plain text, then upgrade with STARTTLS; fails if the server does not offer it (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>TLS on port 465, STARTTLS when offered on other ports, plain text otherwise.</summary>
    Auto,
}

/// <summary>The SMTP server that e-mail alerts are sent through. Bound from <c>Alerts:Smtp</c>.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Alerts:Smtp";

    /// <summary>
    /// SMTP server host name, e.g. <c>smtp.azurecomm.net</c> or <c>127.0.0.1</c> for the local sink. Empty: e-mail is
    /// not configured (a Teams- or webhook-only deployment), and e-mail deliveries fail with that reason.
    /// </summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>SMTP port: 587 (STARTTLS) by default, 465 for TLS on connect, 25 or the sink's port locally.</summary>
    [Range(1, 65535, ErrorMessage = "Alerts:Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    /// <summary>Transport security; STARTTLS by default so that credentials never travel in clear text by accident.</summary>
    [EnumDataType(typeof(SmtpSecurity), ErrorMessage = "Alerts:Smtp:Security must be None, StartTls, SslOnConnect or Auto.")]
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account name for SMTP AUTH; no authentication when empty.</summary>
    public string? UserName { get; set; }

    /// <summary>Password for SMTP AUTH. A secret: keep it in Key Vault or user secrets.</summary>
    public string? Password { get; set; }

    /// <summary>The From address of alerts, e.g. <c>alerts@example.com</c>.</summary>
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>Display name of the sender.</summary>
    public string FromName { get; set; } = "Alerts";

    /// <summary>Network timeout of each SMTP operation, in seconds.</summary>
    [Range(1, 600, ErrorMessage = "Alerts:Smtp:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(Host) && string.IsNullOrWhiteSpace(FromAddress))
        {
            yield return new ValidationResult(
                "Alerts:Smtp:FromAddress is required when Alerts:Smtp:Host is set: the sender address of alert e-mails.",
                [nameof(FromAddress)]);
        }
        else if (!string.IsNullOrWhiteSpace(FromAddress) && !System.Net.Mail.MailAddress.TryCreate(FromAddress, out _))
        {
            yield return new ValidationResult("Alerts:Smtp:FromAddress must be an e-mail address.", [nameof(FromAddress)]);
        }

        if (!string.IsNullOrEmpty(UserName) && string.IsNullOrEmpty(Password))
        {
            yield return new ValidationResult(
                "Alerts:Smtp:Password is required when Alerts:Smtp:UserName is set.",
                [nameof(Password)]);
        }
    }
}
