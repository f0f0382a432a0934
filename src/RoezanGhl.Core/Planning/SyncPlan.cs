using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// What one Roezan event becomes in GHL: a disposition with its reason, the ordered steps, and the link
/// state to record once the steps are done. Made by <see cref="SyncPlanner"/>, stored on the ledger entry
/// when processing starts (a re-delivery resumes this plan rather than re-planning), and printable for the
/// CLI's <c>plan</c> command.
/// </summary>
public sealed record SyncPlan
{
    public required string EventId { get; init; }

    public required string EventType { get; init; }

    public required string AccountId { get; init; }

    public DateTimeOffset? OccurredAt { get; init; }

    public required PlanDisposition Disposition { get; init; }

    /// <summary>Why: the reason for a skip, a wait or an invalid event; a summary for an apply.</summary>
    public required string Reason { get; init; }

    public IReadOnlyList<PlanStep> Steps { get; init; } = [];

    /// <summary>The contact's identities, linked to the GHL contact once it is known.</summary>
    public ContactIdentity Contact { get; init; } = new();

    /// <summary>The GHL contact the steps act on when it was already linked; otherwise the first step makes it.</summary>
    public string? GhlContactId { get; init; }

    /// <summary>The contact values GHL holds after the steps (to record as the last applied state); null: unchanged.</summary>
    public ContactFields? ContactState { get; init; }

    /// <summary>The ordering time to record with <see cref="ContactState"/> (null for a contact made from a message).</summary>
    public DateTimeOffset? ContactStateOccurredAt { get; init; }

    /// <summary>The per-field change times to record with <see cref="ContactState"/> (null: the link's are kept).</summary>
    public IReadOnlyDictionary<string, FieldChange>? ContactStateFieldChanges { get; init; }

    /// <summary>
    /// The event to record as the last with <see cref="ContactState"/> when it is not the plan's own (a stale change that
    /// only filled gaps keeps the newer one; <see cref="RoezanChangeOrder"/>); null: the plan's event, or the newest it carries.
    /// </summary>
    public string? ContactStateEventId { get; init; }

    public string? RoezanTaskId { get; init; }

    /// <summary>The GHL task the steps act on when it was already linked; otherwise a step creates it.</summary>
    public string? GhlTaskId { get; init; }

    /// <summary>The task values GHL holds after the steps; null: unchanged.</summary>
    public TaskFields? TaskState { get; init; }

    public DateTimeOffset? TaskStateOccurredAt { get; init; }

    /// <summary>
    /// Other queued events of the contact whose values this plan carries (coalesced): once it is applied, each of them is
    /// recorded as final, "coalesced into" this event, and its own delivery does nothing. Empty for a plan of one event.
    /// </summary>
    public IReadOnlyList<string> CoalescedEventIds { get; init; } = [];

    /// <summary>True when the first step makes the GHL contact (the event must hold the creation claim).</summary>
    [JsonIgnore]
    public bool CreatesContact => Steps.Count > 0 && Steps[0] is UpsertContactStep or CreateContactStep;

    /// <summary>True when a step writes contact values (the event must hold the contact's lock).</summary>
    [JsonIgnore]
    public bool WritesContact => Steps.Any(step => step.WritesContact);

    /// <summary>Several lines: the event, the disposition and reason, then one numbered line per step with its reason.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{EventId} {EventType} (account {AccountId}");
        if (GhlContactId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $", GHL contact {GhlContactId}");
        }

        text.Append(CultureInfo.InvariantCulture, $"): {Disposition.ToString().ToLowerInvariant()} - {Reason}");
        if (CoalescedEventIds.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" (coalesced with {string.Join(", ", CoalescedEventIds)})");
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n  {i + 1}. {Steps[i].Describe()} - {Steps[i].Reason}");
        }

        return text.ToString();
    }

    public override string ToString() => Describe();
}
