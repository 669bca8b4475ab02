using Alerts.Core.Pipeline;
using Alerts.Core.Subscriptions;
using Alerts.Core.Workbench;
using Alerts.Functions.Http.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Http;

/// <summary>
/// "Not relevant" and "More like this" from an alert: GET asks (mail scanners follow links), POST records the
/// subscriber's judgment of that article for that topic, which the workbench shows and exports as labels.
/// </summary>
public sealed class Feedback(IJudgmentStore judgments, ITopicStore topics, IArticleStore articles, SubscriberLinks links, TimeProvider time)
{
    /// <summary>HTTP entry point, anonymous: the signed token is the authorisation.</summary>
    [Function(nameof(Feedback))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "feedback")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (grant, refusal) = LinkGate.Open(request, links, LinkAction.NotRelevant, LinkAction.MoreLikeThis);
        if (grant is null)
        {
            return refusal!;
        }

        var relevant = grant.Action == LinkAction.MoreLikeThis;
        var topicName = (await topics.GetAsync(grant.TopicId!, cancellationToken))?.Name ?? grant.TopicId!;
        var title = (await articles.GetAsync(grant.ArticleKey!, cancellationToken))?.Title;
        var about = title is null ? "this article" : $"“{title}”";
        if (HttpMethods.IsGet(request.Method))
        {
            var question = relevant ? $"Mark {about} as a good example of “{topicName}”?" : $"Mark {about} as not relevant to “{topicName}”?";
            return HtmlPage.Confirm(relevant ? "More like this" : "Not relevant", question, LinkGate.Self(request, "feedback"), relevant ? "Yes, more like this" : "Yes, not relevant");
        }

        await judgments.RecordAsync(new Judgment(grant.TopicId!, grant.ArticleKey!, grant.SubscriberId, relevant, time.GetUtcNow()) { Title = title }, cancellationToken);
        return HtmlPage.Done("Thank you", $"Noted: {about} is {(relevant ? "a good example of" : "not relevant to")} “{topicName}”. The topic's owners see it when they tune the topic.");
    }
}
