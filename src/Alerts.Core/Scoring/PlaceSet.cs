using Alerts.Core.Entities;

namespace Alerts.Core.Scoring;

/// <summary>
/// Places a topic names (required or excluded), resolved: countries, subdivisions (ISO 3166-2 codes) and cities
/// (gazetteer ids). A country holds its subdivisions and cities, a subdivision its cities.
/// </summary>
public sealed class PlaceSet
{
    // A namesake city of a subdivision is listed only when it is the place the name means (Kabul, Paris), not a town
    // elsewhere in the country that shares it (Ishikawa in Okinawa for Ishikawa prefecture).
    private const int NamesakeCityPopulation = 100_000;

    // The countries and subdivisions around the places listed below country level: a story in the United States may
    // or may not be in California, so for a California set it is neither inside nor outside.
    private readonly HashSet<string> around = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Country codes.</summary>
    public HashSet<string> Countries { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subdivision codes; their cities count too.</summary>
    public HashSet<string> Subdivisions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>City ids.</summary>
    public HashSet<string> Cities { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Every country a place the set holds lies in: its countries and those of its subdivisions and cities (what the
    /// presearcher files a <c>place:</c> term under).
    /// </summary>
    public IEnumerable<string> CountryCodes => Countries.Concat(around.Where(code => !code.Contains('-', StringComparison.Ordinal))).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the set names any place.</summary>
    public bool Any => Countries.Count + Subdivisions.Count + Cities.Count > 0;

    /// <summary>What a place may be, for messages that refuse a name.</summary>
    internal const string KnownKinds = "a country, a state or province, a city of 15,000 people or more, or a world region such as 'West Africa' or 'the Middle East'";

    /// <summary>Whether a name is a place or world region the gazetteer knows (what <see cref="Add"/> takes).</summary>
    internal static bool IsKnown(string name, Gazetteer gazetteer) => new PlaceSet().Add(name, gazetteer);

    /// <summary>Adds a place or world region by name; false when the name is neither.</summary>
    internal bool Add(string name, Gazetteer gazetteer)
    {
        var entry = gazetteer.Resolve(name);
        switch (entry?.Kind)
        {
            case EntityKind.Nationality when entry.SubdivisionCode is { } nation:
                // A nation's people ("Scottish") stand for the nation, not for the whole of its country.
                Subdivisions.Add(nation);
                AddAround(entry);
                return true;
            case EntityKind.Country or EntityKind.Nationality:
                Countries.Add(entry.CountryCode!);
                return true;
            case EntityKind.City:
                Cities.Add(entry.Id);
                AddAround(entry);
                // One place under two readings: a press region named like a town inside it ("Beslan", the siege's
                // town) is that town, whichever reading a story's mention gets.
                Cities.UnionWith(CitiesNamedLike(entry, gazetteer)
                    .Where(r => r.SubdivisionCode is not null && r.SubdivisionCode == entry.SubdivisionCode && Gazetteer.SameName(r.Name, entry.Name))
                    .Select(r => r.Id));
                return true;
            case EntityKind.Subdivision:
                Subdivisions.Add(entry.Id);
                AddAround(entry);
                // A name is read as the subdivision when a city of its country shares it ("Kabul", "Paris", "Berlin"):
                // the namesake city is listed itself where it lies in another subdivision or in none (Paris, the
                // department, and Paris, the city of Île-de-France). A US state is only the state: "Washington" is
                // not the capital, which lies in its own district.
                Cities.UnionWith(CitiesNamedLike(entry, gazetteer).Where(city => IsNamesakeCityListed(entry, city)).Select(r => r.Id));
                return true;
            default:
                // A world region ("West Africa") is its countries, as if the topic had listed them.
                if (gazetteer.Areas.Resolve(name) is { } area)
                {
                    Countries.UnionWith(area.CountryCodes);
                    return true;
                }

                return false;
        }
    }

    /// <summary>Whether a mention is one of the places, or lies in one (a nationality stands for its country).</summary>
    public bool Holds(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return Holds(mention.Entry);
    }

    /// <summary>Whether a place is one of the places, or lies in one.</summary>
    public bool Holds(GazetteerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Kind switch
        {
            EntityKind.Country => Countries.Contains(entry.CountryCode!),
            EntityKind.Nationality => Countries.Contains(entry.CountryCode!) || (entry.SubdivisionCode is { } nation && Subdivisions.Contains(nation)),
            EntityKind.City or EntityKind.Subdivision => Countries.Contains(entry.CountryCode!)
                || Cities.Contains(entry.Id)
                || (entry.SubdivisionCode is { } subdivision && Subdivisions.Contains(subdivision))
                || (entry.ParentSubdivisionCode is { } parent && Subdivisions.Contains(parent)),
            EntityKind.Other => entry.CountryCode is { } code && Countries.Contains(code),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a mention names a country or subdivision around one of the places ("the United States" for a California
    /// set): the story may be there or not.
    /// </summary>
    public bool LiesAround(EntityMention mention)
    {
        ArgumentNullException.ThrowIfNull(mention);
        return around.Count > 0 && mention.Entry.Kind switch
        {
            EntityKind.Country or EntityKind.Nationality => around.Contains(mention.Entry.CountryCode!),
            EntityKind.Subdivision => around.Contains(mention.Entry.Id),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a subdivision's constraint takes in a city of its name that lies outside it (Paris, the department, and
    /// Paris, the city of Île-de-France); never a US state's (Washington is not the capital's district).
    /// </summary>
    internal static bool IsNamesakeCityListed(GazetteerEntry subdivision, GazetteerEntry city) =>
        city.SubdivisionCode != subdivision.Id && (city.SubdivisionCode is null || city.CountryCode != "US") && city.Population >= NamesakeCityPopulation;

    // The cities of the entry's country read under its name.
    internal static IEnumerable<GazetteerEntry> CitiesNamedLike(GazetteerEntry entry, Gazetteer gazetteer) =>
        gazetteer.ReadingsOf(entry.Name).Where(r => r.Kind == EntityKind.City && r.CountryCode == entry.CountryCode);

    private void AddAround(GazetteerEntry entry)
    {
        around.Add(entry.CountryCode!);
        if (entry.Kind == EntityKind.City && entry.SubdivisionCode is { } subdivision)
        {
            around.Add(subdivision);
        }

        if (entry.ParentSubdivisionCode is { } parent)
        {
            around.Add(parent);
        }
    }
}
