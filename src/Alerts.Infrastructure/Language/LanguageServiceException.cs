namespace Alerts.Infrastructure.Language;

/// <summary>
/// A whole request to Azure AI Language failed after the pipeline's retries: bad request, bad key or
/// role, persistent throttling, service or network failure, or an answer this client cannot read.
/// Per-document errors never raise it.
/// </summary>
public sealed class LanguageServiceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LanguageServiceException(string message, int status, string errorCode, string? innerErrorCode, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        InnerErrorCode = innerErrorCode;
    }

    /// <summary>HTTP status of the last attempt, 0 when no answer arrived.</summary>
    public int Status { get; }

    /// <summary>The service's <c>error.code</c> (e.g. <c>InvalidArgument</c>), or a code of this client such as <c>NetworkError</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The service's <c>error.innererror.code</c> (e.g. <c>InvalidDocumentBatch</c>) when given.</summary>
    public string? InnerErrorCode { get; }

    /// <summary>
    /// True for throttling, timeouts, 5xx and network failures: trying again later may work.
    /// False for 400/401/403/404: the request or the configuration must change.
    /// </summary>
    public bool IsTransient => Status is 0 or 408 or 429 || Status >= 500;
}
