using Alerts.Core.Articles;
using Alerts.Core.Ingestion;
using Alerts.Core.Text;

namespace Alerts.Core.Pipeline;

/// <summary>An article pushed to <c>POST /api/articles</c>.</summary>
public sealed record ArticleSubmission
{
    /// <summary>The publisher's own id (used for dedupe when there is no link).</summary>
    public string? Id { get; init; }

    /// <summary>Headline (required).</summary>
    public string? Title { get; init; }

    /// <summary>Absolute http(s) link.</summary>
    public string? Link { get; init; }

    /// <summary>Plain text or HTML summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Full text or HTML body.</summary>
    public string? Content { get; init; }

    /// <summary>Publication time (ISO 8601); defaults to the time received.</summary>
    public DateTimeOffset? Published { get; init; }

    /// <summary>Name of the outlet, shown in alerts.</summary>
    public string? Source { get; init; }

    /// <summary>Author names.</summary>
    public IReadOnlyList<string>? Authors { get; init; }

    /// <summary>The sections the publisher filed it under ("Sports"), which topics read with <c>category:</c>.</summary>
    public IReadOnlyList<string>? Categories { get; init; }
}

/// <summary>Validation and conversion of pushed articles.</summary>
public static class ArticleSubmissions
{
    /// <summary>Most articles one request may carry.</summary>
    public const int MaxBatchSize = 100;

    /// <summary>Longest title, in characters.</summary>
    public const int MaxTitleLength = 1_000;

    /// <summary>Longest summary, in characters.</summary>
    public const int MaxSummaryLength = 20_000;

    /// <summary>Longest content, in characters (what is stored is cut shorter, see the article store).</summary>
    public const int MaxContentLength = 200_000;

    /// <summary>Longest link, id or source name, in characters.</summary>
    public const int MaxFieldLength = 2_000;

    /// <summary>Most authors per article.</summary>
    public const int MaxAuthors = 20;

    /// <summary>Longest author name or category, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>Most categories per article.</summary>
    public const int MaxCategories = ArticleCategories.MaxPerArticle;

    /// <summary>Field errors, keyed by JSON path (e.g. <c>[2].link</c>); empty when valid.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<ArticleSubmission?> submissions, bool isBatch)
    {
        var errors = new Dictionary<string, string[]>();
        if (submissions.Count == 0)
        {
            errors[""] = ["The request carries no article."];
        }

        if (submissions.Count > MaxBatchSize)
        {
            errors[""] = [$"A batch may carry at most {MaxBatchSize} articles; this one has {submissions.Count}."];
            return errors;
        }

        for (var i = 0; i < submissions.Count; i++)
        {
            var prefix = isBatch ? $"[{i}]." : "";
            var submission = submissions[i];
            if (submission is null)
            {
                errors[isBatch ? $"[{i}]" : ""] = ["An article must be a JSON object."];
                continue;
            }

            foreach (var (field, message) in FieldErrors(submission))
            {
                errors[prefix + field] = [message];
            }
        }

        return errors;
    }

    /// <summary>The article to store for a valid submission.</summary>
    public static Article ToArticle(ArticleSubmission submission, DateTimeOffset now)
    {
        var title = HtmlText.ToPlainText(submission.Title);
        var summary = submission.Summary is null ? null : HtmlText.ToPlainText(submission.Summary);
        return new Article(
            ArticleIdentity.KeyFor(submission.Link, submission.Id, title, summary),
            "push",
            title,
            submission.Link,
            summary,
            submission.Content,
            submission.Published ?? now)
        {
            Guid = submission.Id,
            SourceName = string.IsNullOrWhiteSpace(submission.Source) ? "pushed" : submission.Source.Trim(),
            Authors = submission.Authors ?? [],
            Categories = ArticleCategories.Clean(submission.Categories ?? []),
            FirstSeen = now,
        };
    }

    private static IEnumerable<(string Field, string Message)> FieldErrors(ArticleSubmission submission)
    {
        if (string.IsNullOrWhiteSpace(submission.Title))
        {
            yield return ("title", "The title is required.");
        }
        else if (submission.Title.Length > MaxTitleLength)
        {
            yield return ("title", $"The title must be at most {MaxTitleLength} characters.");
        }
        else if (string.IsNullOrWhiteSpace(HtmlText.ToPlainText(submission.Title)))
        {
            yield return ("title", "The title has no text, only markup.");
        }

        if (submission.Authors is { } authors && (authors.Count > MaxAuthors || authors.Any(a => a is null || a.Length > MaxNameLength)))
        {
            yield return ("authors", $"At most {MaxAuthors} authors, each a name of at most {MaxNameLength} characters.");
        }

        if (submission.Categories is { } categories && (categories.Count > MaxCategories || categories.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxNameLength)))
        {
            yield return ("categories", $"At most {MaxCategories} categories, each a section's name (\"Sports\") of 1 to {MaxNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(submission.Link) && string.IsNullOrWhiteSpace(submission.Id))
        {
            yield return ("link", "An article needs a link (or, for text with no web page, an id): it is how readers open it and how a later version replaces it.");
        }

        if (submission.Link?.Length > MaxFieldLength)
        {
            yield return ("link", $"The link must be at most {MaxFieldLength} characters.");
        }

        if (submission.Link is not null &&
            (!Uri.TryCreate(submission.Link, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https")))
        {
            yield return ("link", "The link must be an absolute http or https URL.");
        }

        if (submission.Summary?.Length > MaxSummaryLength)
        {
            yield return ("summary", $"The summary must be at most {MaxSummaryLength} characters.");
        }

        if (submission.Content?.Length > MaxContentLength)
        {
            yield return ("content", $"The content must be at most {MaxContentLength} characters.");
        }

        if (submission.Id?.Length > MaxFieldLength)
        {
            yield return ("id", $"The id must be at most {MaxFieldLength} characters.");
        }

        if (submission.Source?.Length > MaxFieldLength)
        {
            yield return ("source", $"The source must be at most {MaxFieldLength} characters.");
        }
    }
}
