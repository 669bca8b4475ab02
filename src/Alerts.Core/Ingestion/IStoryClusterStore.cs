namespace Alerts.Core.Ingestion;

/// <summary>The copies of each story, read when an alert is sent so that it can list the other outlets.</summary>
public interface IStoryClusterStore
{
    /// <summary>Records a copy (idempotent per article key).</summary>
    Task AddMemberAsync(string clusterKey, StoryClusterMember member, CancellationToken cancellationToken);

    /// <summary>The copies recorded for a story, excluding the story's first article.</summary>
    Task<IReadOnlyList<StoryClusterMember>> ListMembersAsync(string clusterKey, CancellationToken cancellationToken);
}
