namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// A delivery that passed every check of <see cref="GhlWebhookIntake"/>: signed, well-formed, within the
/// contract and fresh. What the door does next depends on <see cref="GhlWebhookEvent.Kind"/>:
/// <see cref="GhlWebhookEventTypes.IsApplied"/> kinds are deduplicated by webhook id and queued, the rest
/// acknowledged and counted by <see cref="GhlWebhookEvent.Type"/>.
/// </summary>
public sealed record GhlWebhookAdmission(GhlWebhookEvent Event, GhlSignatureVerdict Signature, DateTimeOffset AdmittedAt)
{
    public bool IsApplied => GhlWebhookEventTypes.IsApplied(Event.Kind);
}
