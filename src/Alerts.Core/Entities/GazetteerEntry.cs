namespace Alerts.Core.Entities;

/// <summary>What kind of thing a gazetteer entry names.</summary>
public enum EntityKind
{
    /// <summary>A country (implies itself as place and as nationality).</summary>
    Country,

    /// <summary>A city, or a press region such as "Waziristan" (implies its country, and its subdivision where known).</summary>
    City,

    /// <summary>A demonym or nationality adjective ("Turkish", "Afghans").</summary>
    Nationality,

    /// <summary>An organisation, alliance or actor group (NATO, the UN, "coalition", the Taliban).</summary>
    Organisation,

    /// <summary>A place or organisation known only from an external recogniser.</summary>
    Other,

    /// <summary>A state, province or other subdivision of a country ("Texas", "Calif.", "Helmand"): implies its country.</summary>
    Subdivision,
}

/// <summary>One named thing the offline recogniser knows.</summary>
/// <param name="Id">Country code for countries and nationalities; ISO 3166-2 code for subdivisions; GeoNames id for cities; organisation id otherwise.</param>
/// <param name="Name">Canonical display name.</param>
/// <param name="Kind">Kind of entry.</param>
/// <param name="CountryCode">
/// The country the entry belongs to (place or nationality); <c>*</c> for multinational bodies and for words such as
/// "foreign", which are foreign to every country; null when unknown.
/// </param>
/// <param name="Role">For organisations: military, international, civilian, militant or modifier.</param>
public sealed record GazetteerEntry(string Id, string Name, EntityKind Kind, string? CountryCode, string? Role = null)
{
    /// <summary>
    /// For cities and regions: the subdivision they lie in, when the data gives it (US states, Canadian and Australian
    /// provinces and states, and elsewhere the subdivision learnt for the city's division).
    /// </summary>
    public string? SubdivisionCode { get; init; }

    /// <summary>
    /// For a lower subdivision: the first-level one it lies in (the province of Barcelona in Catalonia, the district of
    /// Manchester in England), so a topic's first-level subdivision holds it.
    /// </summary>
    public string? ParentSubdivisionCode { get; init; }

    /// <summary>Whether the place is this subdivision or lies in it (its own, or the first-level one above it).</summary>
    public bool LiesInSubdivision(string code) => SubdivisionCode == code || ParentSubdivisionCode == code;

    /// <summary>For cities: their population (orders readings of an ambiguous name).</summary>
    public int Population { get; init; }

    /// <summary>A town of the data (a GeoNames city, numbered), not a press region such as "Darfur" or "Waziristan".</summary>
    public bool IsTown => Kind == EntityKind.City && Id.All(char.IsAsciiDigit);

    /// <summary>A capital city.</summary>
    public bool IsCapital { get; init; }

    /// <summary>
    /// The name is also a common given name or surname (Troy, Florence): it counts as this place only with context,
    /// such as a dateline, "in Troy" or "Troy, N.Y.".
    /// </summary>
    public bool NeedsContext { get; init; }

    /// <summary>
    /// The news uses the town's name for a company first (Nokia, Hitachi): it counts as this place only in a dateline,
    /// beside its country or state ("NOKIA, Finland") or after the town's own words ("the mayor of Nokia"), not after
    /// "in" or "from" ("forecasts from Nokia").
    /// </summary>
    public bool NamesACompanyFirst { get; init; }

    /// <summary>
    /// A smaller town named in ordinary words ("High Point", "New Haven"): besides a dateline or its state after a
    /// comma, only "in" says it is the place, and only where no capitalised word carries the name on ("in New Haven";
    /// not "at High Point", "Into New Territory", "in Bowling Green State's stadium").
    /// </summary>
    public bool IsNamedInOrdinaryWords { get; init; }

    /// <summary>
    /// A subdivision of a small country (fewer than 30 towns of 15,000 people: Jamaica has 8, Belize 2, Trinidad 12,
    /// Haiti 26): its name, shared with a large city abroad (Manchester and Portland in Jamaica), more likely means that
    /// city.
    /// </summary>
    public bool IsInSmallCountry => Kind == EntityKind.Subdivision && CountryTownCount < SmallCountryTowns;

    private const int SmallCountryTowns = 30;

    /// <summary>
    /// How many towns of 15,000 people its country has: of two provinces named alike and of no known size, the larger
    /// country's is the likelier (Montana is the US state before Bulgaria's province, unless the story names Bulgaria).
    /// </summary>
    public int CountryTownCount { get; init; }

    /// <summary>
    /// A nation within its country (England, Scotland, Wales, Northern Ireland): named as acting ("England beat Wales"),
    /// it is its people, as a country's name is.
    /// </summary>
    public bool IsNation { get; init; }

    /// <summary>Whether the name stands for a people when it acts: a country or a nation within one.</summary>
    public bool IsCountryOrNation => Kind == EntityKind.Country || IsNation;

    /// <summary>A postal abbreviation ("TX"): it counts only right after a city and a comma ("Austin, TX").</summary>
    public bool IsPostalCode { get; init; }

    /// <summary>Whether the entry is a place (country, subdivision, city or an external location).</summary>
    public bool IsPlace => Kind is EntityKind.Country or EntityKind.Subdivision or EntityKind.City or EntityKind.Other;

    /// <summary>Whether the entry is a place inside a country (a subdivision or a city).</summary>
    public bool IsPlaceWithinCountry => Kind is EntityKind.Subdivision or EntityKind.City;

    /// <summary>
    /// Whether the place, named bare, says where a story happens: a city or a state does; a country or a nation is
    /// more often who ("England beat South Africa", "U.S. brokers cease-fire") and says where only after a word of
    /// place or in a dateline.
    /// </summary>
    public bool SaysWhereNamedBare => IsPlaceWithinCountry && !IsNation;
}

/// <summary>An entity found in an analysed document.</summary>
/// <param name="Entry">What it is.</param>
/// <param name="FirstToken">Index of its first token in <see cref="Text.AnalyzedDocument.Tokens"/>.</param>
/// <param name="LastToken">Index of its last token.</param>
/// <param name="Source"><c>gazetteer</c> or the external recogniser's name.</param>
public sealed record EntityMention(GazetteerEntry Entry, int FirstToken, int LastToken, string Source = "gazetteer");
