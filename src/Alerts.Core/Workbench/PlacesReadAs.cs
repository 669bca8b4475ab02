using Alerts.Core.Entities;
using Alerts.Core.Scoring;
using Alerts.Core.Topics;

namespace Alerts.Core.Workbench;

/// <summary>
/// How a topic's places were read, in words, so that a writer sees the reading a shared name got ("Georgia" is the
/// country) and how to ask for another ("Georgia, United States").
/// </summary>
public static class PlacesReadAs
{
    /// <summary>
    /// One line for the preview, or null when the topic names no place: its constraints' places, then the places its
    /// query names (<c>place:Orlando</c>), which a writer needs to see read as much.
    /// </summary>
    public static string? Line(TopicConstraints? constraints, Gazetteer gazetteer, IEnumerable<string>? placesInQuery = null)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var names = (constraints?.Places ?? []).Concat(constraints?.ExcludePlaces ?? []).Concat(placesInQuery ?? [])
            .Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var read = names.Select(name => gazetteer.Resolve(name) is { } place ? $"{name} → {Describe(place, gazetteer)}{OtherReading(name, place, gazetteer)}"
            : gazetteer.Areas.Resolve(name) is { } area ? $"{name} → {DescribeArea(area, gazetteer)}"
            : null).OfType<string>().ToList();
        return read.Count == 0 ? null : "Places read as: " + string.Join("; ", read) + ".";
    }

    // A nation's people stand for the nation ("Scottish": Scotland); a subdivision named like its city takes the city
    // in too ("Paris", the department and the city), which the line says.
    private static string Describe(GazetteerEntry place, Gazetteer gazetteer) => place.Kind switch
    {
        EntityKind.Nationality when place.SubdivisionCode is { } nation && gazetteer.Resolve(nation) is { } subdivision => Describe(subdivision, gazetteer),
        EntityKind.Country or EntityKind.Nationality => "the country " + CountryName(place.CountryCode, gazetteer),
        EntityKind.Subdivision => $"{place.Name}, a state or province of {InCountry(place.CountryCode, gazetteer)}"
            + (PlaceSet.CitiesNamedLike(place, gazetteer).Any(city => city.LiesInSubdivision(place.Id) || PlaceSet.IsNamesakeCityListed(place, city))
                ? ", with its city"
                : string.Empty),
        _ => place.SubdivisionCode is { } state && gazetteer.Resolve(state) is { } subdivision && !Gazetteer.SameName(subdivision.Name, place.Name)
            ? $"{place.Name}, in {subdivision.Name}, {InCountry(place.CountryCode, gazetteer)}"
            : $"{place.Name}, in {InCountry(place.CountryCode, gazetteer)}",
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

    // Another place of the same name in another country, which the writer may have meant ("Georgia": the US state;
    // "Durham": England's), the largest first, with a spelling that asks for it and that the topic's check accepts.
    private static string OtherReading(string name, GazetteerEntry place, Gazetteer gazetteer)
    {
        if (name.Contains(',', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        foreach (var other in gazetteer.ReadingsOf(name).Where(r => r.IsPlace && r.CountryCode != place.CountryCode && (r.Kind == EntityKind.Country || Gazetteer.SameName(r.Name, name)))
            .OrderByDescending(r => r.Kind is EntityKind.Country or EntityKind.Subdivision).ThenByDescending(r => r.Population))
        {
            var spelling = SpellingOf(name, other, gazetteer);
            if (gazetteer.Resolve(spelling) is { } asked && asked.CountryCode == other.CountryCode)
            {
                return $" (for {Describe(other, gazetteer)}, write \"{spelling}\")";
            }
        }

        return string.Empty;
    }

    private static string CountryName(string? code, Gazetteer gazetteer) =>
        code is not null && gazetteer.Country(code) is { } country ? country.Name : code ?? "?";

    // How a topic asks for a place of a shared name: a country by its own name ("Republic of the Congo"), a town by its
    // state or province ("Durham, England"), anything else by its country ("Georgia, United States").
    private static string SpellingOf(string name, GazetteerEntry place, Gazetteer gazetteer) =>
        place.Kind == EntityKind.Country ? CountryName(place.CountryCode, gazetteer)
        : place.Kind == EntityKind.City && place.SubdivisionCode is { } state && gazetteer.Resolve(state) is { } within ? $"{name}, {within.Name}"
        : $"{name}, {CountryName(place.CountryCode, gazetteer)}";

    // "of the United States", "in the Netherlands": a country's name as a sentence writes it after a preposition.
    private static string InCountry(string? code, Gazetteer gazetteer) => CountryName(code, gazetteer) is var name
        && (name.StartsWith("United ", StringComparison.Ordinal) || name.EndsWith(" Republic", StringComparison.Ordinal)
            || name.EndsWith(" Islands", StringComparison.Ordinal) || name is "Netherlands" or "Philippines" or "Bahamas" or "Gambia" or "Maldives")
        ? "the " + name
        : name;
}
