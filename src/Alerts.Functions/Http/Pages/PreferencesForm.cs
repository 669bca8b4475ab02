using System.Globalization;
using System.Text;
using Alerts.Core.Subscriptions;
using Microsoft.AspNetCore.Http;

namespace Alerts.Functions.Http.Pages;

/// <summary>One followed topic as the preferences page shows it.</summary>
internal sealed record FollowedTopic(Subscription Subscription, string TopicName);

/// <summary>What the subscriber asked for on the preferences page, before it is checked.</summary>
internal sealed record PreferencesChange(Subscriber Subscriber, IReadOnlyList<Subscription> Keep, IReadOnlyList<string> Leave, IReadOnlyDictionary<string, string> Problems);

/// <summary>
/// The preferences page's form: rendered from the subscriber and their subscriptions, read back from a POST. Every
/// control has a label; times are the browser's time inputs (24-hour "HH:mm"); nothing needs script.
/// </summary>
internal static class PreferencesForm
{
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(zone => zone.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)]);

    private static readonly (Cadence Value, string Label)[] Cadences =
    [
        (Cadence.Immediate, "As it happens"),
        (Cadence.Hourly, "Hourly digest"),
        (Cadence.Daily, "Daily digest"),
        (Cadence.Weekly, "Weekly digest"),
    ];

    public static string Render(Subscriber subscriber, IReadOnlyList<FollowedTopic> topics, string action, string unsubscribeAll, IReadOnlyDictionary<string, string>? problems, bool saved, TimeProvider time)
    {
        var html = new StringBuilder();
        if (problems is { Count: > 0 })
        {
            html.Append("<div class=\"errors\" role=\"alert\"><p><strong>Nothing was saved:</strong></p><ul>");
            foreach (var problem in problems.Values)
            {
                html.Append("<li>").Append(HtmlPage.Encode(problem)).Append("</li>");
            }

            html.Append("</ul></div>");
        }
        else if (saved)
        {
            html.Append("<p class=\"done\" role=\"status\">Your preferences are saved.</p>");
        }

        html.Append("<p>Alerts reach ").Append(HtmlPage.Encode(subscriber.Name)).Append(' ').Append(HtmlPage.Encode(Where(subscriber)))
            .Append(". <span class=\"hint\">To change the address, ask your Alerts administrator.</span></p>");
        html.Append("<form method=\"post\" action=\"").Append(HtmlPage.Encode(action)).Append("\">");

        html.Append("<fieldset><legend>When you hear from Alerts</legend>");
        Checkbox(html, "active", "Send me alerts (untick to pause everything)", subscriber.Active);
        html.Append("<label for=\"timeZone\">Time zone</label><select id=\"timeZone\" name=\"timeZone\">");
        var zone = subscriber.TimeZone ?? "UTC";
        foreach (var id in Zones.Value.Contains(zone) ? Zones.Value : [zone, .. Zones.Value])
        {
            html.Append("<option").Append(id == zone ? " selected" : "").Append('>').Append(HtmlPage.Encode(id)).Append("</option>");
        }

        html.Append("</select>");
        html.Append("<label for=\"quietFrom\">Quiet hours from</label><input type=\"time\" id=\"quietFrom\" name=\"quietFrom\" value=\"")
            .Append(HtmlPage.Encode(subscriber.QuietHours?.From)).Append("\">")
            .Append("<label for=\"quietTo\">Quiet hours until</label><input type=\"time\" id=\"quietTo\" name=\"quietTo\" value=\"")
            .Append(HtmlPage.Encode(subscriber.QuietHours?.To)).Append("\"><p class=\"hint\">Alerts wait until quiet hours end. Leave both empty for none.</p>");
        html.Append("<label for=\"dailyCap\">At most this many messages a day</label><input type=\"number\" inputmode=\"numeric\" min=\"1\" max=\"1000\" id=\"dailyCap\" name=\"dailyCap\" value=\"")
            .Append(subscriber.DailyCap?.ToString(CultureInfo.InvariantCulture)).Append("\"><p class=\"hint\">The rest wait for the next day's first message, never lost. Empty for no limit.</p>");
        html.Append("</fieldset>");

        foreach (var (topic, index) in topics.Select((topic, index) => (topic, index)))
        {
            AppendTopic(html, topic, index, subscriber, time);
        }

        if (topics.Count == 0)
        {
            html.Append("<p>You follow no topics at the moment.</p>");
        }

        html.Append("<button type=\"submit\">Save</button></form>");
        html.Append("<h2>Stop everything</h2>").Append(HtmlPage.Button(unsubscribeAll, "Unsubscribe from everything", quiet: true));
        return html.ToString();
    }

    public static PreferencesChange Read(IFormCollection form, Subscriber subscriber, IReadOnlyList<FollowedTopic> topics, TimeProvider time)
    {
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var from = Text(form, "quietFrom");
        var to = Text(form, "quietTo");
        if ((from is null) != (to is null))
        {
            problems["quietHours"] = "Quiet hours need both a start and an end (or neither).";
        }

        int? cap = null;
        if (Text(form, "dailyCap") is { } capText)
        {
            if (int.TryParse(capText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                cap = parsed;
            }
            else
            {
                problems["dailyCap"] = "The daily limit must be a whole number of messages.";
            }
        }

        var changed = subscriber with
        {
            Active = form["active"].Count > 0,
            TimeZone = Text(form, "timeZone"),
            QuietHours = from is not null && to is not null ? new QuietHours(from, to) : null,
            DailyCap = cap,
        };

        var keep = new List<Subscription>();
        var leave = new List<string>();
        foreach (var (topic, index) in topics.Select((topic, index) => (topic, index)))
        {
            var name = $"t{index}";
            if (form[$"{name}-leave"].Count > 0)
            {
                leave.Add(topic.Subscription.TopicId);
                continue;
            }

            double? urgent = null;
            if (Text(form, $"{name}-urgent") is { } urgentText)
            {
                if (double.TryParse(urgentText, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
                {
                    urgent = parsed;
                }
                else
                {
                    problems[$"{name}-urgent"] = $"{topic.TopicName}: the urgent score must be a number between 0 and 1.";
                }
            }

            var cadence = Enum.TryParse<Cadence>(Text(form, $"{name}-cadence"), ignoreCase: true, out var chosen) ? chosen : topic.Subscription.Cadence;
            keep.Add(topic.Subscription with
            {
                Cadence = cadence,
                DigestTime = Text(form, $"{name}-time"),
                DigestDay = Enum.TryParse<DayOfWeek>(Text(form, $"{name}-day"), ignoreCase: true, out var day) ? day : null,
                UrgentScore = urgent,
                FollowUps = form[$"{name}-followups"].Count > 0,
                MutedUntil = form[$"{name}-unmute"].Count > 0 || topic.Subscription.MutedUntil <= time.GetUtcNow() ? null : topic.Subscription.MutedUntil,
            });
        }

        return new PreferencesChange(changed, keep, leave, problems);
    }

    private static void AppendTopic(StringBuilder html, FollowedTopic topic, int index, Subscriber subscriber, TimeProvider time)
    {
        var subscription = topic.Subscription;
        var name = $"t{index}";
        html.Append("<fieldset><legend>").Append(HtmlPage.Encode(topic.TopicName)).Append("</legend>");
        html.Append("<label for=\"").Append(name).Append("-cadence\">How often</label><select id=\"").Append(name).Append("-cadence\" name=\"").Append(name).Append("-cadence\">");
        foreach (var (value, label) in Cadences)
        {
            html.Append("<option value=\"").Append(value.ToString().ToLowerInvariant()).Append('"').Append(value == subscription.Cadence ? " selected" : "")
                .Append('>').Append(label).Append("</option>");
        }

        html.Append("</select>");
        html.Append("<label for=\"").Append(name).Append("-time\">Digest time (daily and weekly)</label><input type=\"time\" id=\"").Append(name)
            .Append("-time\" name=\"").Append(name).Append("-time\" value=\"").Append(HtmlPage.Encode(subscription.DigestTime ?? "08:00")).Append("\">");
        html.Append("<label for=\"").Append(name).Append("-day\">Weekly digest day</label><select id=\"").Append(name).Append("-day\" name=\"").Append(name).Append("-day\">");
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            html.Append("<option value=\"").Append(day.ToString().ToLowerInvariant()).Append('"').Append(day == (subscription.DigestDay ?? DayOfWeek.Monday) ? " selected" : "")
                .Append('>').Append(day).Append("</option>");
        }

        html.Append("</select>");
        html.Append("<label for=\"").Append(name).Append("-urgent\">Send at once, whatever the schedule, from this score (0 to 1)</label><input type=\"number\" inputmode=\"decimal\" step=\"0.01\" min=\"0\" max=\"1\" id=\"")
            .Append(name).Append("-urgent\" name=\"").Append(name).Append("-urgent\" value=\"").Append(subscription.UrgentScore?.ToString(CultureInfo.InvariantCulture)).Append("\">")
            .Append("<p class=\"hint\">Empty: nothing jumps the schedule.</p>");
        Checkbox(html, $"{name}-followups", "Tell me when a story I was alerted to develops (at most every 3 hours)", subscription.FollowUps);
        if (subscription.MutedUntil is { } muted && muted > time.GetUtcNow())
        {
            var local = new DeliverySchedule(subscriber).ToLocal(muted);
            Checkbox(html, $"{name}-unmute", $"Muted until {local.ToString("d MMMM, HH:mm", CultureInfo.InvariantCulture)}: unmute now", false);
        }

        Checkbox(html, $"{name}-leave", "Unsubscribe from this topic", false);
        html.Append("</fieldset>");
    }

    private static void Checkbox(StringBuilder html, string name, string label, bool isChecked) =>
        html.Append("<label class=\"inline\"><input type=\"checkbox\" name=\"").Append(name).Append('"').Append(isChecked ? " checked" : "").Append("> ")
            .Append(HtmlPage.Encode(label)).Append("</label>");

    private static string? Text(IFormCollection form, string name) => form[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

    // Webhook and Teams URLs are credentials: only their host is shown.
    private static string Where(Subscriber subscriber) => subscriber.Channel switch
    {
        ChannelKind.Email => $"by e-mail at {subscriber.Address}",
        ChannelKind.Teams => $"in a Teams channel (via {Host(subscriber.Address)})",
        _ => $"at a webhook on {Host(subscriber.Address)}",
    };

    private static string Host(string address) => Uri.TryCreate(address, UriKind.Absolute, out var url) ? url.Host : "an address on file";
}
