using System.Text.RegularExpressions;
using FluentValidation;

namespace Alerts.Functions.Http.Validation;

/// <summary>The rule every id in a route follows: 1-64 lower-case letters, digits and dashes.</summary>
internal static partial class RouteIds
{
    public const string Message = "Ids are 1-64 lower-case letters, digits and dashes.";

    public static bool IsValid(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Adds the id rule, reported on the field <c>id</c>.</summary>
    public static IRuleBuilderOptions<T, string> MustBeRouteId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(IsValid).WithMessage(Message).OverridePropertyName("id");

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();
}
