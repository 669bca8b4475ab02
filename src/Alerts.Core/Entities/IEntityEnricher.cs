namespace Alerts.Core.Entities;

/// <summary>
/// Optional enrichment by an external recogniser (Azure AI Language). Called only for candidate articles.
/// </summary>
public interface IEntityEnricher
{
    /// <summary>Whether enrichment is configured; when false the scorer uses the offline recogniser alone.</summary>
    bool IsEnabled { get; }

    /// <summary>Recognises entities per document id. A document the service rejected maps to an empty list.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>> RecognizeAsync(
        IReadOnlyList<EntityRequestDocument> documents, CancellationToken cancellationToken);
}
