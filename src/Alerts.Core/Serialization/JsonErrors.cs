using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Core.Serialization;

/// <summary>
/// Says what is wrong with a JSON value in the user's words: "must be a number", not the serializer's message with
/// .NET type names in it.
/// </summary>
public static partial class JsonErrors
{
    /// <summary>
    /// The problem with the value at the exception's path, without type names; with the type being read, a field that
    /// takes one of a few words (an enum) lists them.
    /// </summary>
    public static string Describe(JsonException exception, System.Text.Json.Serialization.Metadata.JsonTypeInfo? typeInfo)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var name = exception.Path is { } path && path.StartsWith("$.", StringComparison.Ordinal) && path.IndexOfAny(['.', '['], 2) < 0 ? path[2..] : null;
        var property = name is null ? null : typeInfo?.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        var enumType = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (enumType is { IsEnum: true })
        {
            return "must be one of " + string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
        }

        return Describe(exception);
    }

    /// <summary>The problem with the value at the exception's path, without type names.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        // A record's constructor parameter names the record, not the value; the inner error says what was expected.
        var inner = exception.InnerException?.Message ?? string.Empty;
        if (inner.Contains("as a string", StringComparison.Ordinal))
        {
            return "must be text";
        }

        if (inner.Contains("as a number", StringComparison.Ordinal))
        {
            return "must be a number";
        }

        if (inner.Contains("as a boolean", StringComparison.Ordinal))
        {
            return "must be true or false";
        }

        if (OutOfBoundsFor().Match(inner) is { Success: true } bounds)
        {
            return ExpectedValue("System." + bounds.Groups["type"].Value);
        }

        if (ConvertedTo().Match(message) is { Success: true } converted)
        {
            return ExpectedValue(converted.Groups["type"].Value);
        }

        if (message.Contains("doesn't allow setting null values", StringComparison.Ordinal) || message.Contains("null", StringComparison.Ordinal) && message.Contains("nullability", StringComparison.Ordinal))
        {
            return "must not be null";
        }

        if (MissingProperties().Match(message) is { Success: true } missing)
        {
            return "is missing required properties: " + missing.Groups["names"].Value.Replace("'", string.Empty, StringComparison.Ordinal);
        }

        // Syntax errors ("'x' is an invalid start of a value") name no types; drop the position suffix, reported apart.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var text = cut < 0 ? message : message[..cut];
        cut = text.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? text : text[..cut]).TrimEnd(' ', '|', '.') + ".";
    }

    private static string ExpectedValue(string type) => type switch
    {
        "System.String" => "must be text",
        "System.Double" or "System.Single" or "System.Decimal" or "System.Int32" or "System.Int64" or "System.Int16" or "System.UInt32" or "System.Byte"
            => "must be a number",
        "System.Boolean" => "must be true or false",
        "System.DateTimeOffset" or "System.DateTime" => "must be a date and time such as 2026-12-01T09:00:00Z",
        "System.TimeSpan" => "must be a duration such as 00:30:00",
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) || type.Contains("Enumerable", StringComparison.Ordinal)
            => "must be a list",
        _ when type.StartsWith("System.Nullable", StringComparison.Ordinal) => ExpectedValue(type[(type.IndexOf('[', StringComparison.Ordinal) + 1)..].TrimEnd(']')),
        _ => "has a value of the wrong type",
    };

    [GeneratedRegex(@"could not be converted to (?<type>[^\s.]+(\.[^\s.]+)*)\.?( Path| \||$)", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"for an? (?<type>\w+)\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex OutOfBoundsFor();

    [GeneratedRegex(@"missing required properties including: (?<names>[^.]+)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();
}
