namespace RoezanGhl.Engine.Intake;

/// <summary>What the GHL door reads of an HTTP request: content type, declared length, the two signature headers and the body.</summary>
public sealed record GhlWebhookRequest(string? ContentType, long? ContentLength, string? Signature, string? LegacySignature, Stream Body);
