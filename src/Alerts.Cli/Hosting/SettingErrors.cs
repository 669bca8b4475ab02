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
        AggregateException { InnerExceptions: [var single] } => Describe(single),
        _ => null,
    };

    private static string Plain(string failure) =>
        ErrorPart().Match(failure) is { Success: true } match ? match.Groups[1].Value : failure;

    [GeneratedRegex(@"with the error: '(.*)'\.?$")]
    private static partial Regex ErrorPart();
}
