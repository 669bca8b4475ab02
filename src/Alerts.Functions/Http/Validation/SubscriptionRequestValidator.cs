using Alerts.Core.Subscriptions;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>
/// PUT /api/topics/{topicId}/subscriptions/{subscriberId}: a threshold and an urgent band between 0 and 1, a digest
/// time on the 24-hour clock.
/// </summary>
internal sealed class SubscriptionRequestValidator : AbstractValidator<Subscription>
{
    public static readonly SubscriptionRequestValidator Instance = new();

    private SubscriptionRequestValidator()
    {
        RuleFor(subscription => subscription.Threshold)
            .InclusiveBetween(0, 1)
            .When(subscription => subscription.Threshold is not null)
            .WithMessage("The threshold must be between 0 and 1.")
            .OverridePropertyName("threshold");
        RuleFor(subscription => subscription.UrgentScore)
            .InclusiveBetween(0, 1)
            .When(subscription => subscription.UrgentScore is not null)
            .WithMessage("The urgent score must be between 0 and 1 (matches scoring at least this go out at once).")
            .OverridePropertyName("urgentScore");
        RuleFor(subscription => subscription.DigestTime)
            .Must(time => time is null || DeliverySchedule.TryParseTime(time, out _))
            .WithMessage("The digest time must be of the form 08:00 (24-hour clock, in the subscriber's time zone).")
            .OverridePropertyName("digestTime");
    }
}
