using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Start-up failures caused by settings, told in the operator's words: the validator's own wording
/// ("DataAnnotation validation failed for 'AlertsOptions' members: ...") names .NET types, the setting's message does not.
/// </summary>
public static partial class SettingErrors
{
    /// <summary>The settings problems in <paramref name="error"/>, or null when it is not about settings.</summary>
    public static IReadOnlyList<string>? Describe(Exception error) => error switch
    {
        OptionsValidationException invalid => invalid.Failures.Select(Plain).Distinct().ToList(),
        InvalidOperationException { Message: var message } when message.StartsWith("Setting ", StringComparison.Ordinal) => [message],
        InvalidOperationException { Message: var message } when Unconvertible().Match(message) is { Success: true } match =>
            [$"Setting {match.Groups["key"].Value} must be {Expected(match.Groups["type"].Value)}."],
        AggregateException { InnerExceptions: [var single] } => Describe(single),
        _ => null,
    };

    // What a setting of each type must look like, in words.
    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Single" or "System.Decimal" => "a number such as 0.5",
        "System.Boolean" => "true or false",
        "System.TimeSpan" => "a duration such as 00:05:00 (hh:mm:ss) or 1.00:00:00 (one day)",
        "System.Uri" => "an absolute URL",
        _ when type.Contains("Enum", StringComparison.Ordinal) || !type.StartsWith("System.", StringComparison.Ordinal) => "one of the documented values",
        _ => "a value of the documented kind",
    };

    private static string Plain(string failure) =>
        ErrorPart().Match(failure) is { Success: true } match ? match.Groups[1].Value : failure;

    [GeneratedRegex(@"with the error: '(.*)'\.?$")]
    private static partial Regex ErrorPart();

    // The configuration binder's wording: "Failed to convert configuration value ['v' ]at 'Key' to type 'System.Int32'."
    [GeneratedRegex(@"Failed to convert configuration value (?:'.*' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'")]
    private static partial Regex Unconvertible();
}
