using Alerts.Core.Feeds;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>PUT /api/sources/{id}: an http(s) feed URL, and a fetch timeout that neither gives up at once nor holds a fetch for ever.</summary>
internal sealed class SourceRequestValidator : AbstractValidator<FeedSource>
{
    private static readonly TimeSpan MinFetchTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxFetchTimeout = TimeSpan.FromMinutes(10);

    // After the limits it reads: static fields are set in the order they are written.
    public static readonly SourceRequestValidator Instance = new();

    private SourceRequestValidator()
    {
        RuleFor(source => source.Id).MustBeRouteId();
        RuleFor(source => source.Url)
            .Must(url => url is { IsAbsoluteUri: true, Scheme: "http" or "https" })
            .WithMessage("The url must be an absolute http or https URL.")
            .OverridePropertyName("url");
        RuleFor(source => source.FetchTimeout)
            .Must(timeout => timeout is null || (timeout >= MinFetchTimeout && timeout <= MaxFetchTimeout))
            .WithMessage($"The fetchTimeout must be between {MinFetchTimeout:c} and {MaxFetchTimeout:c} (hh:mm:ss).")
            .OverridePropertyName("fetchTimeout");
    }
}
