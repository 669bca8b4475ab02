using Alerts.Core.Entities;

namespace Alerts.Infrastructure.Language;

/// <summary>The enricher used when Azure AI Language is off: no request, no entities.</summary>
public sealed class DisabledEntityEnricher : IEntityEnricher
{
    /// <inheritdoc />
    public bool IsEnabled => false;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>> RecognizeAsync(
        IReadOnlyList<EntityRequestDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        IReadOnlyList<RecognizedEntity> none = [];
        var results = new Dictionary<string, IReadOnlyList<RecognizedEntity>>(StringComparer.Ordinal);
        foreach (var document in documents)
        {
            results.TryAdd(document.Id, none);
        }

        return Task.FromResult<IReadOnlyDictionary<string, IReadOnlyList<RecognizedEntity>>>(results);
    }
}
