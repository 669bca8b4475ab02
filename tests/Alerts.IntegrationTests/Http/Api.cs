using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Alerts.IntegrationTests.Http;

/// <summary>Small helpers for calling the HTTP functions and reading their answers.</summary>
internal static class Api
{
    /// <summary>A JSON body with the given text, exactly as written (for malformed and hand-shaped payloads).</summary>
    public static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    /// <summary>An article submission as a client would send it.</summary>
    public static object Article((string Title, string Link, string Summary) story) =>
        new { title = story.Title, link = story.Link, summary = story.Summary };

    /// <summary>POSTs to <c>api/articles</c> and returns the response.</summary>
    public static Task<HttpResponseMessage> PushAsync(this HttpClient client, object body, CancellationToken cancellationToken) =>
        client.PostAsJsonAsync("api/articles", body, cancellationToken);

    /// <summary>Reads the <c>articles</c> outcomes of a 202 as (key, status) pairs.</summary>
    public static async Task<IReadOnlyList<(string Key, string Status)>> OutcomesAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var document = await response.JsonAsync(cancellationToken);
        return document.RootElement.GetProperty("articles").EnumerateArray()
            .Select(outcome => (outcome.GetProperty("key").GetString()!, outcome.GetProperty("status").GetString()!))
            .ToList();
    }

    /// <summary>Parses the body as JSON.</summary>
    public static async Task<JsonDocument> JsonAsync(this HttpResponseMessage response, CancellationToken cancellationToken) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));

    /// <summary>Asserts a problem-details answer with the given status and returns its JSON.</summary>
    public static async Task<JsonDocument> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(body);
        Assert.Equal((int)status, document.RootElement.GetProperty("status").GetInt32());
        return document;
    }

    /// <summary>The field names of a 400 validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> ValidationErrorsAsync(this HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, cancellationToken);
        return problem.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(field => field.Name, field => field.Value.EnumerateArray().Select(message => message.GetString()!).ToArray());
    }
}
