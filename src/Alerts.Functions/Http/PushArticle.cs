using System.Text.Json;
using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

using Alerts.Functions.Http.Validation;

namespace Alerts.Functions.Http;

/// <summary>
/// <c>POST /api/articles</c>: one article (a JSON object) or a batch (a JSON array of up to 100). Answers 202 with the
/// key and status of each article; pushing the same article again is harmless (<c>duplicate</c>).
/// </summary>
public sealed class PushArticle(PushArticlesHandler handler)
{
    private const long MaxBodyBytes = 4 * 1024 * 1024;

    /// <summary>HTTP entry point.</summary>
    [Function(nameof(PushArticle))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (document, problem) = await JsonBody.ReadDocumentAsync(request, MaxBodyBytes, cancellationToken);
        if (document is null)
        {
            return problem!;
        }

        using (document)
        {
            var isBatch = document.RootElement.ValueKind == JsonValueKind.Array;
            var elements = isBatch ? document.RootElement.EnumerateArray().ToList() : [document.RootElement];
            if (elements.Count > ArticleSubmissions.MaxBatchSize)
            {
                return Problems.Status(413, "Batch too large", $"A batch may carry at most {ArticleSubmissions.MaxBatchSize} articles; this one has {elements.Count}.");
            }

            var submissions = new List<ArticleSubmission?>(elements.Count);
            for (var i = 0; i < elements.Count; i++)
            {
                var (submission, invalid) = JsonBody.Deserialize(elements[i], AlertsJsonContext.Default.ArticleSubmission, isBatch ? $"[{i}]" : "");
                if (invalid is not null)
                {
                    return invalid;
                }

                submissions.Add(submission);
            }

            if (Problems.Invalid(ArticlesRequestValidator.Instance, new ArticlesRequest(submissions, isBatch)) is { } invalidBatch)
            {
                return invalidBatch;
            }

            var outcomes = await handler.HandleAsync(submissions!, cancellationToken);
            return new ObjectResult(new { articles = outcomes }) { StatusCode = 202 };
        }
    }
}
