namespace RoezanGhl.Engine.Intake;

/// <summary>What the webhook door needs from an HTTP request; the body is read (bounded) by the ingestor.</summary>
public sealed record RoezanWebhookRequest(string? ContentType, long? ContentLength, string? Signature, Stream Body);
