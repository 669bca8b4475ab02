using System.Net.Mail;
using Alerts.Core.Subscriptions;
using Alerts.Infrastructure.Http;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>A subscriber as sent to PUT /api/subscribers/{id}, with whether the body named a channel at all.</summary>
internal sealed record SubscriberRequest(Subscriber Subscriber, bool ChannelGiven);

/// <summary>
/// PUT /api/subscribers/{id}: a name, a channel, and an address that channel can deliver to: one mailbox for e-mail;
/// for Teams and webhooks an https URL on the public internet (local receivers only where the deployment allows
/// private networks), never link-local or metadata hosts; a webhook signing secret of 16+ characters.
/// </summary>
internal sealed class SubscriberRequestValidator : AbstractValidator<SubscriberRequest>
{
    public SubscriberRequestValidator(OutboundHttpOptions outbound)
    {
        RuleFor(request => request.Subscriber.Id).MustBeRouteId();
        RuleFor(request => request.Subscriber.Name)
            .Must(name => !string.IsNullOrWhiteSpace(name))
            .WithMessage("The name is required.")
            .OverridePropertyName("name");
        RuleFor(request => request.ChannelGiven)
            .Equal(true)
            .WithMessage("The channel is required: email, teams or webhook.")
            .OverridePropertyName("channel");
        When(request => request.ChannelGiven, () =>
        {
            RuleFor(request => request.Subscriber).Custom((subscriber, context) =>
            {
                if (AddressProblem(subscriber, outbound) is { } problem)
                {
                    context.AddFailure("address", problem);
                }
            });
            RuleFor(request => request.Subscriber.Secret)
                .Must(secret => secret is { Length: >= 16 })
                .When(request => request.Subscriber.Channel == ChannelKind.Webhook && AddressProblem(request.Subscriber, outbound) is null)
                .WithMessage("A webhook subscriber needs a signing secret of at least 16 characters.")
                .OverridePropertyName("secret");
        });
        RuleFor(request => request.Subscriber.TimeZone)
            .Must(zone => zone is null || DeliverySchedule.FindZone(zone) is not null)
            .WithMessage(request => $"'{request.Subscriber.TimeZone}' is not a time zone this service knows; use an IANA name such as Europe/Paris or America/New_York.")
            .OverridePropertyName("timeZone");
        RuleFor(request => request.Subscriber.QuietHours)
            .Must(quiet => quiet is null
                || (DeliverySchedule.TryParseTime(quiet.From, out var from) && DeliverySchedule.TryParseTime(quiet.To, out var to) && from != to))
            .WithMessage("Quiet hours need a start and an end of the form 22:00 and 07:00 (24-hour clock), not the same time.")
            .OverridePropertyName("quietHours");
        RuleFor(request => request.Subscriber.DailyCap)
            .InclusiveBetween(1, 1000)
            .When(request => request.Subscriber.DailyCap is not null)
            .WithMessage("The daily cap must be a whole number of messages from 1 to 1000 (leave it out for no cap).")
            .OverridePropertyName("dailyCap");
    }

    private static string? AddressProblem(Subscriber subscriber, OutboundHttpOptions outbound) => subscriber.Channel switch
    {
        ChannelKind.Email when !IsOneMailbox(subscriber.Address) =>
            "An e-mail subscriber needs one valid e-mail address (for several people, add one subscriber each).",
        ChannelKind.Teams or ChannelKind.Webhook when OutboundAddressRules.Problem(subscriber.Address, outbound) is { } problem =>
            $"The {(subscriber.Channel == ChannelKind.Teams ? "Teams" : "webhook")} address {problem}.",
        _ => null,
    };

    // One mailbox, optionally with a display name ("Ann <ann@example.org>"); a list ("a@x, b@x") is several.
    private static bool IsOneMailbox(string? address) =>
        !string.IsNullOrWhiteSpace(address)
        && address.Count(c => c == '@') == 1
        && address.IndexOfAny([',', ';']) < 0
        && MailAddress.TryCreate(address, out _);
}
