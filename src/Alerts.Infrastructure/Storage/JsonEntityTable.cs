using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Alerts.Core.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Alerts.Infrastructure.Storage;

/// <summary>
/// A table whose rows hold one JSON document each. A string property is limited to 64 KiB, so long documents
/// (article bodies) are split over <c>Json</c>, <c>Json1</c>, <c>Json2</c>... within the 1 MiB entity limit.
/// </summary>
internal sealed class JsonEntityTable<T>(TableClient table)
    where T : class
{
    private const string JsonProperty = "Json";
    private const int ChunkLength = 30_000;
    private const int MaxChunks = 15;

    // Stored rows are never embedded in HTML, so non-ASCII text and <>&' need no \uXXXX escapes: an escaped
    // Cyrillic or Arabic article would take six times the room of the 1 MiB entity.
    private static readonly JsonTypeInfo<T> TypeInfo = (JsonTypeInfo<T>)new AlertsJsonContext(
        new JsonSerializerOptions(AlertsJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
        .GetTypeInfo(typeof(T))!;

    public TableClient Client => table;

    public Task UpsertAsync(string partitionKey, string rowKey, T value, CancellationToken cancellationToken) =>
        table.UpsertEntityAsync(ToEntity(partitionKey, rowKey, value), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Inserts if absent; false when a row with these keys exists. Atomic in the storage service.</summary>
    public async Task<bool> TryAddAsync(TableEntity entity, CancellationToken cancellationToken) =>
        await TryInsertAsync(entity, cancellationToken) is not null;

    /// <summary>Inserts if absent and answers the new row's ETag; null when a row with these keys exists.</summary>
    public async Task<ETag?> TryInsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>
    /// Replaces the row only if it is still the version <paramref name="ifMatch"/> names, and answers the new version;
    /// null when the row changed or went in between.
    /// </summary>
    public async Task<ETag?> TryReplaceAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.UpdateEntityAsync(entity, ifMatch, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
    }

    public async Task<TableEntity?> GetEntityAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task<T?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var entity = await GetEntityAsync(partitionKey, rowKey, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    public IAsyncEnumerable<T> QueryAsync(string? partitionKey, CancellationToken cancellationToken) =>
        QueryFilterAsync(partitionKey is null ? null : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), cancellationToken);

    /// <summary>Rows with this row key in any partition (a scan: for operators' views, not the hot path).</summary>
    public IAsyncEnumerable<T> QueryRowKeyAsync(string rowKey, CancellationToken cancellationToken) =>
        QueryFilterAsync(TableClient.CreateQueryFilter($"RowKey eq {rowKey}"), cancellationToken);

    public async IAsyncEnumerable<T> QueryFilterAsync(string? filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    /// <summary>Whether a value's JSON fits one table row.</summary>
    public static bool Fits(T value) => JsonSerializer.Serialize(value, TypeInfo).Length <= ChunkLength * MaxChunks;

    public static TableEntity ToEntity(string partitionKey, string rowKey, T value)
    {
        var json = JsonSerializer.Serialize(value, TypeInfo);
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        if (chunks > MaxChunks)
        {
            throw new InvalidOperationException(
                $"A {typeof(T).Name} of {json.Length} characters exceeds what one table row can hold ({ChunkLength * MaxChunks}).");
        }

        var entity = new TableEntity(partitionKey, rowKey);
        for (var i = 0; i < Math.Max(chunks, 1); i++)
        {
            var chunk = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
            entity[i == 0 ? JsonProperty : JsonProperty + i] = chunk;
        }

        return entity;
    }

    public static T FromEntity(TableEntity entity)
    {
        var json = new StringBuilder(entity.GetString(JsonProperty));
        for (var i = 1; entity.GetString(JsonProperty + i) is { } chunk; i++)
        {
            json.Append(chunk);
        }

        return JsonSerializer.Deserialize(json.ToString(), TypeInfo)
            ?? throw new InvalidOperationException($"Row {entity.PartitionKey}/{entity.RowKey} holds no {typeof(T).Name}.");
    }
}
