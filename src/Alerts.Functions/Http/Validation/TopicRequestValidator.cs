using Alerts.Core.Topics;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>PUT /api/topics/{id}: the route id, then the topic language's own checks (query, constraints, places).</summary>
internal sealed class TopicRequestValidator : AbstractValidator<WatchTopic>
{
    public static readonly TopicRequestValidator Instance = new();

    private TopicRequestValidator()
    {
        RuleFor(topic => topic.Id).MustBeRouteId();
        RuleFor(topic => topic).Custom((topic, context) =>
        {
            foreach (var error in TopicValidation.Validate(topic))
            {
                context.AddFailure(error.Field, error.Message);
            }
        });
    }
}
