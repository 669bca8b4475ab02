using System.Text.Json;

namespace Alerts.LocalDev.Webhooks;

/// <summary>One request the webhook sink received, with the answer it gave.</summary>
/// <param name="Sequence">1-based arrival number within this sink.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Path">Request path, e.g. <c>/teams/ops</c>.</param>
/// <param name="Query">Query string including <c>?</c>, or empty.</param>
/// <param name="Headers">Request headers (names case-insensitive; repeated values joined with <c>, </c>).</param>
/// <param name="Body">The body decoded as UTF-8.</param>
/// <param name="SavedPath">Where the body was saved (<c>.json</c> when it is JSON, <c>.txt</c> otherwise).</param>
/// <param name="AnsweredStatus">Status code the sink answered with.</param>
/// <param name="ReceivedAt">When it arrived.</param>
public sealed record ReceivedRequest(
    int Sequence,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    string SavedPath,
    int AnsweredStatus,
    DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Parses the body as JSON; throws <see cref="JsonException"/> when it is not.</summary>
    public JsonDocument Json() => JsonDocument.Parse(Body);
}
