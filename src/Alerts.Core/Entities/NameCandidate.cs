namespace Alerts.Core.Entities;

/// <summary>A run of tokens that matches one or more gazetteer names, before the story decides which it means.</summary>
internal sealed record NameCandidate(int FirstToken, int LastToken, List<GazetteerEntry> Readings)
{
    /// <summary>A one-word name whose every reading is a city: the kind of name people carry too (Jackson, Hamm).</summary>
    public bool IsOneWordCity => FirstToken == LastToken && Readings.All(r => r.Kind == EntityKind.City);

    /// <summary>Whether the name is one word read only as towns or subdivisions (Hamm, Jackson, England), no country.</summary>
    public bool IsOneWordTownOrRegion => FirstToken == LastToken && Readings.All(r => r.Kind is EntityKind.City or EntityKind.Subdivision);

    /// <summary>Whether any reading is a people or an organisation, never the end of a person's name.</summary>
    public bool IsPeopleOrOrganisation => Readings.Any(r => r.Kind is EntityKind.Nationality or EntityKind.Organisation);

    /// <summary>Whether any reading is a country: a country named before a surname stays a country.</summary>
    public bool IsCountry => Readings.Any(r => r.Kind == EntityKind.Country);
}
