namespace Alerts.Core.Entities;

/// <summary>
/// A world region a topic may name as a place ("Africa", "West Africa", "the Middle East"): the story must happen in
/// one of its countries. Regions are for constraints only; a region's name in a story places nothing, since "talks on
/// Africa's debt" happen wherever the talks are.
/// </summary>
/// <param name="Name">The region's name as the data gives it ("Western Africa").</param>
/// <param name="CountryCodes">Its countries' ISO codes.</param>
public sealed record WorldArea(string Name, IReadOnlyList<string> CountryCodes);

/// <summary>The world regions of the gazetteer's data, by any of their names, with or without "the".</summary>
public sealed class WorldAreas
{
    private readonly Dictionary<string, WorldArea> byName = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads the area rows of places.tsv: kind, id, countries (space separated), ..., names.</summary>
    internal WorldAreas(IEnumerable<string[]> rows)
    {
        foreach (var row in rows)
        {
            var area = new WorldArea(row[1], row[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            foreach (var name in row[6].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Append(row[1]))
            {
                byName.TryAdd(name, area);
            }
        }
    }

    /// <summary>The region a name stands for ("West Africa", "the Middle East", "mideast"), or null.</summary>
    public WorldArea? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (trimmed.StartsWith("the ", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[4..];
        }

        return byName.GetValueOrDefault(trimmed);
    }
}
