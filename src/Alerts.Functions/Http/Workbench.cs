using Alerts.Core;
using Alerts.Core.Entities;
using Alerts.Core.Pipeline;
using Alerts.Core.Scoring;
using Alerts.Core.Serialization;
using Alerts.Core.Workbench;
using Alerts.Functions.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// GET /api/workbench: the topic workbench page (admin key, like the admin API), and POST
/// /api/topics/{id}/judgments: relevant / not relevant marked in it.
/// </summary>
public sealed class Workbench(ITopicStore topics, IRecentArticles recent, IJudgmentStore judgments, TimeProvider time)
{
    /// <summary>The page; <c>?topic=id</c> opens one topic in the editor.</summary>
    [Function("Workbench")]
    public async Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "workbench")] HttpRequest request, CancellationToken cancellationToken)
    {
        var all = await topics.ListAsync(cancellationToken).ToListAsync(cancellationToken);
        var stored = await recent.ListSinceAsync(time.GetUtcNow().AddDays(-7), cancellationToken).ToListAsync(cancellationToken);

        // One pass of the whole topic index over the stored articles, as the pipeline scores them.
        var index = TopicIndex.Build(all, Gazetteer.Default, "workbench");
        var alerts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var article in stored)
        {
            foreach (var match in TopicIndexScorer.Score(index, ArticleText.Analyze(article)).Where(m => m.Alert))
            {
                alerts[match.TopicId] = alerts.GetValueOrDefault(match.TopicId) + 1;
            }
        }

        var editing = request.Query["topic"].ToString() is { Length: > 0 } id ? all.FirstOrDefault(t => t.Id == id) : null;
        var listed = all.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase).Select(t => (t, alerts.GetValueOrDefault(t.Id))).ToList();
        var judged = editing is null ? [] : (await judgments.ListAsync(editing.Id, cancellationToken).ToListAsync(cancellationToken)).OrderByDescending(j => j.At).ToList();
        return HtmlPage.Render(200, "Topic workbench", WorkbenchPage.Render(listed, editing, judged));
    }

    /// <summary>POST /api/topics/{id}/judgments: <c>{"articleKey": "...", "relevant": true, "title": "..."}</c> from the workbench.</summary>
    [Function("RecordJudgment")]
    public async Task<IActionResult> Judge(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "topics/{id}/judgments")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync(request, AlertsJsonContext.Default.WorkbenchJudgment, cancellationToken);
        if (body is null)
        {
            return problem!;
        }

        if (string.IsNullOrWhiteSpace(body.ArticleKey))
        {
            return Problems.Validation(new() { ["articleKey"] = ["The article's key (as the preview lists it) is required."] });
        }

        var judgment = new Judgment(id, body.ArticleKey, "workbench", body.Relevant, time.GetUtcNow()) { Title = body.Title };
        await judgments.RecordAsync(judgment, cancellationToken);
        return new OkObjectResult(judgment);
    }
}
