namespace Alerts.Core.Entities;

/// <summary>An entity found in an article's text, by the offline recogniser or by Azure AI Language.</summary>
/// <param name="Text">The text as it appears.</param>
/// <param name="Category">Location, Organization, Person, PersonType, Nationality...</param>
/// <param name="Offset">Character offset in the analysed text.</param>
/// <param name="Length">Length in characters.</param>
/// <param name="Confidence">Confidence in [0, 1].</param>
public sealed record RecognizedEntity(string Text, string Category, int Offset, int Length, double Confidence)
{
    /// <summary>Finer category, e.g. GPE or City for a location.</summary>
    public string? Subcategory { get; init; }

    /// <summary>Which recogniser found it: <c>gazetteer</c> or <c>azure-language</c>.</summary>
    public string Source { get; init; } = "gazetteer";
}
