using System.Buffers;
using System.Net;

namespace Alerts.Infrastructure.Http;

/// <summary>Helpers shared by everything that downloads untrusted bodies.</summary>
public static class HttpBodies
{
    /// <summary>
    /// Reads the body without ever holding more than <paramref name="limit"/> bytes. A declared Content-Length over the
    /// limit fails before reading; an absent or lying length is caught while streaming. Counting happens after
    /// decompression, so a small gzip that inflates past the limit is stopped as well.
    /// </summary>
    public static async Task<byte[]> ReadLimitedAsync(HttpResponseMessage response, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Content.Headers.ContentLength is long declared && declared > limit)
        {
            throw new ResponseTooLargeException(limit);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(81920);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > limit)
                    {
                        throw new ResponseTooLargeException(limit);
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }

    /// <summary>True for the statuses whose Location is followed.</summary>
    public static bool IsRedirect(HttpStatusCode status) => status is
        HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
        or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>True for 301 and 308, which tell clients to use the new URL from now on.</summary>
    public static bool IsPermanentRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.PermanentRedirect;

    /// <summary>The absolute target of a redirect, or null when Location is missing or not http(s).</summary>
    public static Uri? RedirectTarget(HttpResponseMessage response, Uri current)
    {
        ArgumentNullException.ThrowIfNull(response);
        var location = response.Headers.Location;
        if (location is null)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(current, location);
        return IsHttp(target) ? target : null;
    }

    /// <summary>Only http and https are fetched: file:, ftp:, gopher: and friends are refused.</summary>
    public static bool IsHttp(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Retry-After as a delay from <paramref name="now"/>, whether sent as seconds or as an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RetryAfterHeader.Wait(response.Headers.RetryAfter, now);
    }
}
