using System.Text.Json.Serialization;
using Alerts.Core.Articles;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Pipeline;
using Alerts.Core.Queues;
using Alerts.Core.Scoring;
using Alerts.Core.Subscriptions;
using Alerts.Core.Topics;

namespace Alerts.Core.Serialization;

/// <summary>Source-generated JSON for messages, stored records and API bodies (camelCase, enums as strings).</summary>
[JsonSourceGenerationOptions(
    System.Text.Json.JsonSerializerDefaults.Web,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(FetchFeedMessage))]
[JsonSerializable(typeof(ScoreArticleMessage))]
[JsonSerializable(typeof(DeliveryMessage))]
[JsonSerializable(typeof(DigestMessage))]
[JsonSerializable(typeof(PendingAlert))]
[JsonSerializable(typeof(Alerts.Core.Workbench.Judgment))]
[JsonSerializable(typeof(Alerts.Core.Workbench.WorkbenchJudgment))]
[JsonSerializable(typeof(Article))]
[JsonSerializable(typeof(WatchTopic))]
[JsonSerializable(typeof(List<WatchTopic>))]
[JsonSerializable(typeof(FeedSource))]
[JsonSerializable(typeof(Subscriber))]
[JsonSerializable(typeof(Subscription))]
[JsonSerializable(typeof(DeliveryRecord))]
[JsonSerializable(typeof(TopicMatch))]
[JsonSerializable(typeof(ArticleSubmission))]
[JsonSerializable(typeof(List<ArticleSubmission>))]
[JsonSerializable(typeof(List<PushOutcome>))]
public sealed partial class AlertsJsonContext : JsonSerializerContext;
