namespace RoezanGhl.Engine.Automations;

/// <summary>The answer of <see cref="SmsOutcomeLookup"/>: found (with Roezan's message id), not sent, or cannot tell (why).</summary>
public sealed record SmsLookupResult(SmsLookupKind Kind, string? MessageId = null, string? Detail = null);
