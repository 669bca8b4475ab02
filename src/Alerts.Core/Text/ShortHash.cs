using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Text;

/// <summary>
/// Stable short identifiers from text: the first bytes of the SHA-256 of its UTF-8, in lower-case hex. Ids, versions
/// and keys built from it are stored, so the same text must always give the same hash.
/// </summary>
public static class ShortHash
{
    /// <summary>The first <paramref name="bytes"/> bytes of the hash, as 2 x <paramref name="bytes"/> hex digits.</summary>
    public static string Of(string text, int bytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, SHA256.HashSizeInBytes);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest[..bytes]);
    }
}
