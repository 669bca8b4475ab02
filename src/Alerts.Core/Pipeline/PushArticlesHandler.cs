using Microsoft.Extensions.Logging;

namespace Alerts.Core.Pipeline;

/// <summary>What happened to one pushed article.</summary>
/// <param name="Key">The article key Alerts derived.</param>
/// <param name="Status">Accepted, updated (a new version of an article pushed before) or duplicate; <c>accepted</c> and so on in JSON.</param>
public sealed record PushOutcome(string Key, PushStatus Status);

/// <summary>What the push API did with one article.</summary>
public enum PushStatus
{
    /// <summary>Taken in: a new article, or another outlet's copy of a story already known.</summary>
    Accepted,

    /// <summary>A new version of an article pushed before: stored in its place and scored again.</summary>
    Updated,

    /// <summary>Already taken in as it is: nothing done.</summary>
    Duplicate,
}

/// <summary>
/// HTTP step: pushed articles take the same intake as fed ones (<see cref="ArticleIntake"/>): stored once
/// (idempotent on the article key), and a copy of a story already taken in, fed or pushed, joins it instead of
/// alerting again.
/// </summary>
public sealed class PushArticlesHandler(
    ArticleIntake intake,
    TimeProvider time,
    ILogger<PushArticlesHandler> logger)
{
    /// <summary>Admits valid submissions; validate with <see cref="ArticleSubmissions.Validate"/> first.</summary>
    public async Task<IReadOnlyList<PushOutcome>> HandleAsync(IReadOnlyList<ArticleSubmission> submissions, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new List<PushOutcome>(submissions.Count);
        foreach (var submission in submissions)
        {
            var article = ArticleSubmissions.ToArticle(submission, now);
            var outcome = await intake.AdmitAsync(article, cancellationToken);
            outcomes.Add(new PushOutcome(article.Key, outcome switch
            {
                IntakeOutcome.New or IntakeOutcome.CopyOfKnownStory => PushStatus.Accepted,
                IntakeOutcome.Updated => PushStatus.Updated,
                _ => PushStatus.Duplicate,
            }));
        }

        logger.LogInformation("Pushed {Count} articles, {New} new", outcomes.Count, outcomes.Count(o => o.Status == PushStatus.Accepted));
        return outcomes;
    }
}
