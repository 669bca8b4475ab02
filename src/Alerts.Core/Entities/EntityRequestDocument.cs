namespace Alerts.Core.Entities;

/// <summary>A text to send to an external entity recogniser.</summary>
public sealed record EntityRequestDocument(string Id, string Text, string Language = "en");
