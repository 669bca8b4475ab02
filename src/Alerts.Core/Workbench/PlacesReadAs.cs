using Alerts.Core.Entities;
using Alerts.Core.Topics;

namespace Alerts.Core.Workbench;

/// <summary>
/// How a topic's places were read, in words, so that a writer sees the reading a shared name got ("Georgia" is the
/// country) and how to ask for another ("Georgia, United States").
/// </summary>
public static class PlacesReadAs
{
    /// <summary>One line for the preview, or null when the topic names no place.</summary>
    public static string? Line(TopicConstraints? constraints, Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var names = (constraints?.Places ?? []).Concat(constraints?.ExcludePlaces ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var read = names.Select(name => gazetteer.Resolve(name) is { } place ? $"{name} → {Describe(place, gazetteer)}{OtherReading(name, place, gazetteer)}"
            : gazetteer.Areas.Resolve(name) is { } area ? $"{name} → {DescribeArea(area, gazetteer)}"
            : null).OfType<string>().ToList();
        return read.Count == 0 ? null : "Places read as: " + string.Join("; ", read) + ".";
    }

    private static string Describe(GazetteerEntry place, Gazetteer gazetteer) => place.Kind switch
    {
        EntityKind.Country or EntityKind.Nationality => "the country " + CountryName(place.CountryCode, gazetteer),
        EntityKind.Subdivision => $"{place.Name}, a state or province of {CountryName(place.CountryCode, gazetteer)}",
        _ => place.SubdivisionCode is { } state && gazetteer.Resolve(state) is { } subdivision && !Gazetteer.SameName(subdivision.Name, place.Name)
            ? $"{place.Name}, in {subdivision.Name}, {CountryName(place.CountryCode, gazetteer)}"
            : $"{place.Name}, in {CountryName(place.CountryCode, gazetteer)}",
    };

    // A region is its countries and territories: the first few by name, so that the writer sees what it takes in
    // ("West Africa" has no Cameroon; "the Middle East" has Egypt and Iran).
    private static string DescribeArea(WorldArea area, Gazetteer gazetteer)
    {
        const int Shown = 4;
        var countries = area.CountryCodes.Select(code => CountryName(code, gazetteer)).Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", countries.Take(Shown));
        return $"a region of {countries.Count} countries and territories: " + (countries.Count > Shown ? $"{shown} and {countries.Count - Shown} more" : shown);
    }

    // Another country or state of the same name, which the writer may have meant ("Georgia": the US state).
    private static string OtherReading(string name, GazetteerEntry place, Gazetteer gazetteer)
    {
        if (name.Contains(',', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var other = gazetteer.ReadingsOf(name)
            .FirstOrDefault(r => r.Kind is EntityKind.Country or EntityKind.Subdivision && r.CountryCode != place.CountryCode);
        return other is null ? string.Empty : $" (for {Describe(other, gazetteer)}, write \"{name}, {CountryName(other.CountryCode, gazetteer)}\")";
    }

    private static string CountryName(string? code, Gazetteer gazetteer) =>
        code is not null && gazetteer.Country(code) is { } country ? country.Name : code ?? "?";
}
