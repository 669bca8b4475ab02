using Alerts.Core.Entities;

namespace Alerts.Core.Scoring;

/// <summary>
/// Places a topic names (required or excluded), resolved: countries, subdivisions (ISO 3166-2 codes) and cities
/// (gazetteer ids). A country holds its subdivisions and cities, a subdivision its cities.
/// </summary>
public sealed class PlaceSet
{
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
                // A name is read as the subdivision when a city of its country shares it ("Kabul", "Paris", "Berlin"),
                // and cities outside the United States carry no subdivision: the namesake city is listed itself.
                Cities.UnionWith(gazetteer.ReadingsOf(entry.Name)
                    .Where(r => r.Kind == EntityKind.City && r.CountryCode == entry.CountryCode && r.SubdivisionCode is null)
                    .Select(r => r.Id));
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
                || (entry.SubdivisionCode is { } subdivision && Subdivisions.Contains(subdivision)),
            EntityKind.Other => entry.CountryCode is { } code && Countries.Contains(code),
            _ => false,
        };
    }

}
