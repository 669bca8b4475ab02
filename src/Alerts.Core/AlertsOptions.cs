using System.ComponentModel.DataAnnotations;

namespace Alerts.Core;

/// <summary>Application-wide settings, section <c>Alerts</c>.</summary>
public sealed class AlertsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Alerts";

    /// <summary>Public https base URL of the app, used for unsubscribe links. Unset: alerts carry no unsubscribe link.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>Key that signs unsubscribe links. Set a long random value in production.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Alerts:UnsubscribeSigningKey must be set (a long random string).")]
    [MinLength(16, ErrorMessage = "Alerts:UnsubscribeSigningKey must be at least 16 characters.")]
    public string UnsubscribeSigningKey { get; set; } = "local-development-signing-key";

    /// <summary>
    /// The id of <see cref="UnsubscribeSigningKey"/>, written into every link so keys can rotate: give the new key a new
    /// id and move the old one to <see cref="PreviousSigningKeys"/>, and links already sent keep working.
    /// </summary>
    [RegularExpression("^[A-Za-z0-9]{1,16}$", ErrorMessage = "Alerts:SigningKeyId must be 1-16 letters or digits.")]
    public string SigningKeyId { get; set; } = "1";

    /// <summary>Keys that signed links before a rotation, by id (<c>Alerts:PreviousSigningKeys:1</c>).</summary>
    public Dictionary<string, string> PreviousSigningKeys { get; set; } = [];

    /// <summary>How long the links in a message (preferences, unsubscribe, mute) work; past it a page offers a fresh one.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Alerts:LinkLifetime must be between 1.00:00:00 and 365.00:00:00.")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// How long a delivery that fails for a passing reason (a 429, a 5xx, an SMTP outage) keeps being retried, each
    /// time after the receiver's Retry-After or a growing delay, before it is parked in the poison queue.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00", ErrorMessage = "Alerts:DeliveryRetryBudget must be between 00:00:00 and 7.00:00:00.")]
    public TimeSpan DeliveryRetryBudget { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// The longest one send may take, whatever the channel's own timeouts say (an SMTP conversation is several
    /// exchanges, each with its own timeout). The claim that keeps a second instance from sending the same alert
    /// lasts half as long again, so it cannot run out under a send; an unfinished send counts as a passing failure.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:09:00", ErrorMessage = "Alerts:DeliverySendDeadline must be between 00:00:05 and 00:09:00.")]
    public TimeSpan DeliverySendDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long ingested articles (and the record of which outlets carried each story) are kept: alerts link to them,
    /// and previews of a topic test it against them. At least 14 days.
    /// </summary>
    [Range(typeof(TimeSpan), "14.00:00:00", "365.00:00:00", ErrorMessage = "Alerts:ArticleRetention must be between 14.00:00:00 and 365.00:00:00.")]
    public TimeSpan ArticleRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long the workbench keeps recent articles to preview topics against (at most the article retention).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00", ErrorMessage = "Alerts:PreviewWindow must be between 1.00:00:00 and 365.00:00:00.")]
    public TimeSpan PreviewWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long the record of each delivery is kept for ops (GET /api/deliveries, alerts ops deliveries).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00", ErrorMessage = "Alerts:DeliveryRetention must be between 1.00:00:00 and 3650.00:00:00.")]
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Items a newly added source already carried alert only if published within this time before it was added;
    /// older ones are stored (for previews and as copies of stories) without alerting.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Alerts:NewSourceBacklogGrace must be between 00:00:00 and 30.00:00:00.")]
    public TimeSpan NewSourceBacklogGrace { get; set; } = TimeSpan.FromDays(1);
}
