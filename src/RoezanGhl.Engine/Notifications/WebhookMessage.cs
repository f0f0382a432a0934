namespace RoezanGhl.Engine.Notifications;

/// <summary>The body Teams and Slack incoming webhooks accept.</summary>
public sealed record WebhookMessage(string Text);
