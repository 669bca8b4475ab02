using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Hosting;

/// <summary>
/// Function keys for the local host, checked as the Functions host checks them: a function-level route takes the
/// function key or the master key, an admin-level route (and <c>/admin/functions</c>) only the master key, an anonymous
/// route none; the key comes in the <c>x-functions-key</c> header or the <c>code</c> query parameter. On 127.0.0.1
/// keys are optional (nothing else can connect); on any other address the master key must be set.
/// </summary>
public sealed class LocalKeys
{
    /// <summary>Setting holding the key that opens every route.</summary>
    public const string MasterKeySetting = "AlertsLocalHost:MasterKey";

    /// <summary>Setting holding the key that opens function-level routes (push), as a publisher's key would.</summary>
    public const string FunctionKeySetting = "AlertsLocalHost:FunctionKey";

    private readonly string? _master;
    private readonly string? _function;

    private LocalKeys(string? master, string? function)
    {
        _master = master;
        _function = function;
    }

    /// <summary>Whether any key is checked.</summary>
    public bool Enabled => _master is not null;

    /// <summary>The keys from settings; refuses to listen beyond loopback without a master key.</summary>
    public static LocalKeys From(IConfiguration configuration, string urls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(urls);
        var master = NonEmpty(configuration[MasterKeySetting]);
        var function = NonEmpty(configuration[FunctionKeySetting]);
        var exposed = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(url => !IsLoopback(url));
        if (exposed is not null && master is null)
        {
            throw new InvalidOperationException(
                $"Setting {MasterKeySetting} is required when alerts host listens on {exposed}, beyond this machine: anyone who can reach it could change topics and subscribers. Set it (and {FunctionKeySetting} for publishers), or listen on http://127.0.0.1.");
        }

        if (function is not null && master is null)
        {
            throw new InvalidOperationException($"Setting {FunctionKeySetting} needs {MasterKeySetting} too: admin routes would otherwise be open while push is locked.");
        }

        return new LocalKeys(master, function);
    }

    /// <summary>Null when the request may go on; otherwise what to answer.</summary>
    public IResult? Check(HttpRequest request, AuthorizationLevel level)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enabled || level == AuthorizationLevel.Anonymous)
        {
            return null;
        }

        var key = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        if (Matches(key, _master) || (level == AuthorizationLevel.Function && Matches(key, _function)))
        {
            return null;
        }

        var needs = level == AuthorizationLevel.Function ? "a function key or the master key" : "the master key (an admin-level key)";
        return Results.Problem(
            detail: $"This route needs {needs}: send it in the x-functions-key header or the code query parameter.",
            statusCode: StatusCodes.Status401Unauthorized,
            title: key is null ? "Key missing" : "Key not accepted");
    }

    private static bool Matches(string? given, string? expected) =>
        given is not null && expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));

    private static bool IsLoopback(string url) =>
        Uri.TryCreate(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
        && (uri.IsLoopback || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
