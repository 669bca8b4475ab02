using Alerts.Core.Entities;
using Alerts.Core.Text;

namespace Alerts.Core.Scoring;

/// <summary>
/// Places a topic names (required or excluded), resolved: countries, subdivisions (ISO 3166-2 codes) and cities
/// (gazetteer ids). A country holds its subdivisions and cities, a subdivision its cities.
/// </summary>
public sealed class PlaceSet
{
    // A name is read as the subdivision when a city shares it ("Paris", "Berlin", "Shanghai", "Lima"), and cities
    // outside the United States carry no subdivision: the namesake city is held through its name and country.
    private readonly HashSet<string> subdivisionNames = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Country codes.</summary>
    public HashSet<string> Countries { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subdivision codes; their cities count too.</summary>
    public HashSet<string> Subdivisions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>City ids.</summary>
    public HashSet<string> Cities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the set names any place.</summary>
    public bool Any => Countries.Count + Subdivisions.Count + Cities.Count > 0;

    /// <summary>Adds a place by name; false when the name is no place the gazetteer knows.</summary>
    internal bool Add(string name, Gazetteer gazetteer)
    {
        var entry = gazetteer.Resolve(name);
        switch (entry?.Kind)
        {
            case EntityKind.Country or EntityKind.Nationality:
                Countries.Add(entry.CountryCode!);
                return true;
            case EntityKind.City:
                Cities.Add(entry.Id);
                return true;
            case EntityKind.Subdivision:
                Subdivisions.Add(entry.Id);
                subdivisionNames.Add(NameInCountry(entry));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Whether a mention is one of the places, or lies in one (a nationality stands for its country).</summary>
    public bool Holds(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        var entry = mention.Entry;
        return entry.Kind switch
        {
            EntityKind.Country or EntityKind.Nationality => Countries.Contains(entry.CountryCode!),
            EntityKind.City or EntityKind.Subdivision => Countries.Contains(entry.CountryCode!)
                || Cities.Contains(entry.Id)
                || (entry.SubdivisionCode is { } subdivision ? Subdivisions.Contains(subdivision) : subdivisionNames.Count > 0 && subdivisionNames.Contains(NameInCountry(entry))),
            EntityKind.Other => entry.CountryCode is { } code && Countries.Contains(code),
            _ => false,
        };
    }

    // Folded as words are ("Kābul" the province, "Kabul" the city).
    private static string NameInCountry(GazetteerEntry entry) =>
        entry.CountryCode + "|" + string.Join(' ', TextAnalyzer.Analyze(entry.Name).Select(t => t.Stem));
}
