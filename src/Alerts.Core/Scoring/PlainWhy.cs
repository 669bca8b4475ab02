using System.Text.RegularExpressions;
using Alerts.Core.Entities;

namespace Alerts.Core.Scoring;

/// <summary>
/// Why an article alerted, in a reader's words: "Turkey involved · Kabul, Afghanistan · “troops” and “Kabul” in the
/// headline · also reported by 3 other outlets". Built from the evidence's plain forms; the technical evidence (query
/// clauses, counters) stays for <c>alerts score --explain</c> and the API.
/// </summary>
public static partial class PlainWhy
{
    /// <summary>
    /// The reasons of a match in order (who, where, what it mentions, which words, meaning) and the story's other
    /// outlets, each with the passage it rests on when there is one.
    /// </summary>
    public static IReadOnlyList<PlainReason> Reasons(TopicMatch match, int otherOutlets = 0)
    {
        ArgumentNullException.ThrowIfNull(match);
        // Who first, then where, then what else the story mentions, as a reader asks.
        var reasons = match.Evidence.Where(e => e.Kind == "entity" && e.Plain is not null)
            .OrderBy(e => e.Description.StartsWith("actor:", StringComparison.Ordinal) ? 0 : e.Description.StartsWith("place:", StringComparison.Ordinal) ? 1 : 2)
            .Select(e => new PlainReason(e.Plain!, e.Snippet))
            .ToList();
        var words = match.Evidence.Where(e => IsClause(e) && e.Plain is not null).ToList();
        foreach (var place in new[] { "title: ", "body: " })
        {
            var here = words.Where(e => e.Description.StartsWith(place, StringComparison.Ordinal)).ToList();
            if (here.Count > 0)
            {
                var quoted = here.Select(e => $"“{e.Plain}”").Distinct().ToList();
                reasons.Add(new PlainReason($"{Join(quoted)} in the {(place == "title: " ? "headline" : "text")}", here[0].Snippet));
            }
        }

        reasons.AddRange(match.Evidence.Where(e => e.Kind == "semantic" && e.Plain is not null).Select(e => new PlainReason(e.Plain!, null)));
        if (otherOutlets > 0)
        {
            reasons.Add(new PlainReason(otherOutlets == 1 ? "also reported by 1 other outlet" : $"also reported by {otherOutlets} other outlets", null));
        }

        return reasons;
    }

    /// <summary>The reasons as one line, joined with middle dots.</summary>
    public static string Line(TopicMatch match, int otherOutlets = 0) => string.Join(" · ", Reasons(match, otherOutlets).Select(r => r.Text));

    /// <summary>The text marked «like this» in a snippet (the matched words), or null.</summary>
    public static string? Highlighted(string? snippet) =>
        snippet is not null && Marked().Match(snippet) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>An entity's part in the story, in words: "Kabul, Afghanistan", "Turkey involved", "mentions NATO".</summary>
    public static string? Entity(string role, string text, GazetteerEntry entry, bool namedAsPlace)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var country = entry.CountryCode is { Length: 2 } code ? Gazetteer.Default.Resolve(code)?.Name : null;
        // The state, province or nation as the press writes it after a city ("Austin, Texas", "Toronto, Ontario",
        // "Glasgow, Scotland"): in the United States, Canada, Australia and Britain. Elsewhere the press writes the
        // country ("Munich, Germany"), and a learnt subdivision may be missing.
        if (entry.Kind == EntityKind.City && Gazetteer.GivesCitiesTheirStates(entry.CountryCode) && entry.SubdivisionCode is { } subdivision
            && Gazetteer.Default.Resolve(subdivision)?.Name is { } state && !Gazetteer.SameName(state, entry.Name))
        {
            country = country is null ? state : $"{state}, {country}";
        }

        return role switch
        {
            "place" when entry.Kind == EntityKind.Country => country ?? text,
            "place" when entry.Kind == EntityKind.Nationality && !namedAsPlace => $"{text} people act in the story{(country is null ? string.Empty : $", so {country}")}",
            "place" => country is null || string.Equals(country, text, StringComparison.OrdinalIgnoreCase) ? text : $"{text}, {country}",
            "actor" => $"{text} involved",
            "organisation" => $"mentions {text}",
            _ => null,
        };
    }

    private static bool IsClause(MatchEvidence evidence) =>
        evidence.Description.StartsWith("title: ", StringComparison.Ordinal) || evidence.Description.StartsWith("body: ", StringComparison.Ordinal);

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items[..^1]) + " and " + items[^1];

    [GeneratedRegex("«([^»]+)»")]
    private static partial Regex Marked();
}

/// <summary>One reason in a reader's words, with the passage (matched words marked «like this») it rests on.</summary>
public sealed record PlainReason(string Text, string? Snippet);
