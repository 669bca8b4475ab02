using FluentValidation;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>RFC 9457 problem-details responses.</summary>
internal static class Problems
{
    /// <summary>400 naming each field <paramref name="validator"/> refuses in <paramref name="request"/>; null when it is valid.</summary>
    public static IActionResult? Invalid<T>(IValidator<T> validator, T request)
    {
        var result = validator.Validate(request);
        return result.IsValid
            ? null
            : Validation(result.Errors
                .GroupBy(failure => failure.PropertyName, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray(), StringComparer.Ordinal));
    }

    /// <summary>400 naming each bad field.</summary>
    public static IActionResult Validation(Dictionary<string, string[]> errors) =>
        new ObjectResult(new ValidationProblemDetails(errors)
        {
            Status = 400,
            Title = "The request is invalid",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        })
        {
            StatusCode = 400,
            ContentTypes = { "application/problem+json" },
        };

    /// <summary>Any other status with a title and detail.</summary>
    public static IActionResult Status(int status, string title, string detail) =>
        new ObjectResult(new ProblemDetails { Status = status, Title = title, Detail = detail })
        {
            StatusCode = status,
            ContentTypes = { "application/problem+json" },
        };

    /// <summary>404 for a missing resource.</summary>
    public static IActionResult NotFound(string what) => Status(404, "Not found", $"{what} does not exist.");
}
