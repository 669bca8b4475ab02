namespace Alerts.Core.Pipeline;

/// <summary>What <see cref="IArticleStore.AdmitAsync"/> found.</summary>
public enum ArticleAdmission
{
    /// <summary>First time seen: stored now.</summary>
    New,

    /// <summary>Seen before, but its scoring message may never have been sent (an instance died in between).</summary>
    SeenNotQueued,

    /// <summary>Seen before and already sent to scoring.</summary>
    Seen,
}
