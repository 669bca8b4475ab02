using Alerts.Core;
using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Pipeline;
using Alerts.Core.Serialization;
using Alerts.Core.Workbench;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Alerts.Functions.Http;

/// <summary>
/// POST /api/topics/{id}/missed: "I missed this". Body <c>{"link": "..."}</c> for a stored article, or
/// <c>{"title": "...", "summary": "...", "content": "..."}</c> for pasted text. Answers why the topic did not alert on
/// it and the changes that would have, each tried on the stored articles of the preview window.
/// </summary>
public sealed class MissedArticleApi(ITopicStore topics, IArticleStore articles, IRecentArticles recent, IOptions<AlertsOptions> options, TimeProvider time)
{
    /// <summary>HTTP entry point.</summary>
    [Function("ExplainMissedArticle")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "topics/{id}/missed")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        if (await topics.GetAsync(id, cancellationToken) is not { } topic)
        {
            return Problems.NotFound($"Topic '{id}'");
        }

        var (body, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.ArticleSubmission, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        Article? article;
        if (!string.IsNullOrWhiteSpace(body.Title))
        {
            var now = time.GetUtcNow();
            article = new Article("missed", "pasted", body.Title, body.Link, body.Summary, body.Content, now) { FirstSeen = now };
        }
        else if (!string.IsNullOrWhiteSpace(body.Link) && UrlCanonicalizer.TryCanonicalize(body.Link, out _))
        {
            article = await articles.GetAsync(ArticleIdentity.KeyFor(body.Link, null, null, null), cancellationToken);
            if (article is null)
            {
                return Problems.Validation(new() { ["link"] = ["No stored article has this link: paste its title and text instead."] });
            }
        }
        else
        {
            return Problems.Validation(new() { ["title"] = ["Give the article's link (of a stored article) or its title and text."] });
        }

        var stored = await recent.ListSinceAsync(time.GetUtcNow() - options.Value.PreviewWindow, cancellationToken).ToListAsync(cancellationToken);
        return new OkObjectResult(MissedArticle.Explain(topic, article, stored));
    }
}
