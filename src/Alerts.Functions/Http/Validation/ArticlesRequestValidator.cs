using Alerts.Core.Pipeline;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>A pushed body: one article or a batch, each field named by its JSON path (<c>[1].title</c>).</summary>
internal sealed record ArticlesRequest(IReadOnlyList<ArticleSubmission?> Articles, bool IsBatch);

/// <summary>POST /api/articles: the article rules of <see cref="ArticleSubmissions"/>, for the whole batch before anything is stored.</summary>
internal sealed class ArticlesRequestValidator : AbstractValidator<ArticlesRequest>
{
    public static readonly ArticlesRequestValidator Instance = new();

    private ArticlesRequestValidator() =>
        RuleFor(request => request).Custom((request, context) =>
        {
            foreach (var (field, messages) in ArticleSubmissions.Validate(request.Articles, request.IsBatch))
            {
                foreach (var message in messages)
                {
                    context.AddFailure(field, message);
                }
            }
        });
}
