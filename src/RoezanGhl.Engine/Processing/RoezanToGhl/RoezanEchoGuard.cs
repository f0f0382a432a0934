using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// Echo suppression on the Roezan → GHL side, applied to a plan made under the contact's lease: a Roezan contact event
/// whose state is one the GHL → Roezan direction wrote to Roezan (<see cref="EchoHistory"/>) is skipped as an echo;
/// otherwise, before a plan writes a linked GHL contact, the fingerprint of the state it leaves there is remembered, so
/// that GHL's webhook about that write is known as an echo (see <see cref="GhlToRoezan.GhlContactApplier"/> for why
/// this holds under reordering and concurrency).
/// </summary>
/// <remarks>
/// In the usual order the planner alone already skips an echo (its values equal the recorded state: "no change");
/// the history matters when echoes overtake newer writes.
/// </remarks>
public sealed class RoezanEchoGuard
{
    private readonly EchoHistoryStore _echoes;
    private readonly TimeProvider _time;
    private readonly RoezanConflictSettler _conflicts;
    private readonly ConflictWriteBacks _writeBacks;
    private readonly IPlanningProfileSource _profiles;

    public RoezanEchoGuard(EchoHistoryStore echoes, TimeProvider time, RoezanConflictSettler conflicts, ConflictWriteBacks writeBacks, IPlanningProfileSource profiles)
    {
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _writeBacks = writeBacks ?? throw new ArgumentNullException(nameof(writeBacks));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        _conflicts = conflicts ?? throw new ArgumentNullException(nameof(conflicts));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The plan to run: <paramref name="plan"/>, or a skip when the event is an echo of our own write to Roezan.</summary>
    /// <param name="delivery">The delivery being processed.</param>
    /// <param name="planned">
    /// The event <paramref name="plan"/> was made from: the delivery's own event, or its merge with the other queued
    /// changes of the contact (coalescing). The echo check, the conflict check and the write-back must judge these values:
    /// the plan's time (<see cref="SyncPlan.OccurredAt"/>) is the newest of the merged changes, so judging the delivery's
    /// own (possibly older) values would stamp them with a newer change's time. That was the flaky
    /// <c>PingPongTests.The_same_contact_edited_on_both_sides_within_a_second…</c>: a Roezan change carrying the old first
    /// name absorbed Roezan's webhook about our write of GHL's new one, "won" as the newest, and wrote the old name to GHL
    /// while Roezan held the new one.
    /// </param>
    /// <param name="plan">The plan made under the contact's lease.</param>
    /// <param name="linked">What the link records of the contact, read under the lease (null: not linked).</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<SyncPlan> GuardAsync(EventDelivery delivery, RoezanEvent planned, SyncPlan plan, ContactSnapshot? linked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(planned);
        ArgumentNullException.ThrowIfNull(plan);
        // A stale contact change is skipped by the planner; a conflict rule may still give it the win.
        var contact = planned.Data?.Contact;
        var stale = plan.Disposition == PlanDisposition.Skip && plan.Reason.StartsWith("stale", StringComparison.Ordinal);
        if (plan.GhlContactId is not { } ghlId || contact is null || !(stale || (plan.Disposition == PlanDisposition.Apply && plan.WritesContact)))
        {
            return plan;
        }

        var now = _time.GetUtcNow();
        var history = await _echoes.ReadAsync(delivery.LocationId, ghlId, cancellationToken).ConfigureAwait(false);
        // Roezan's contact in GHL's terms (the account's mapping forward), the terms GHL → Roezan records its writes in:
        // under a swapped or prefixed mapping Roezan's own values would never match them.
        var profile = await _profiles.GetProfileAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false);
        var held = RoezanContactWrites.AsGhlSees(contact, ContactFieldReverseMapper.MappingOf(profile.FieldMapping));
        if (history.Wrote(SyncSystem.Roezan, ContactFingerprint.Of(held), now))
        {
            return stale ? plan : plan with { Disposition = PlanDisposition.Skip, Reason = "echo: Roezan reports a state this app wrote to it", Steps = [], ContactState = null, ContactStateOccurredAt = null };
        }

        if (contact.Tags?.Contains(_conflicts.PhoneMovedTag, StringComparer.OrdinalIgnoreCase) == true)
        {
            // The contact left under its old number when the phone changed in GHL: the link moved to the new number.
            return plan with { Disposition = PlanDisposition.Skip, Reason = $"the Roezan contact is tagged {_conflicts.PhoneMovedTag}: its GHL contact moved to another number", Steps = [], ContactState = null, ContactStateOccurredAt = null };
        }

        // Values Roezan held before our later write to it replaced them are not changes (OverwrittenValues says why):
        // they are neither written to GHL nor contested.
        var overwritten = OverwrittenValues.In(held, planned.OccurredAt, history, SyncSystem.Roezan);
        plan = OverwrittenValues.Without(plan, overwritten, linked?.Fields ?? ContactFields.Empty);
        var settlement = await _conflicts.SettleAsync(delivery, plan, ghlId, contact, overwritten, history, cancellationToken).ConfigureAwait(false);
        plan = settlement.Plan;
        if (!settlement.RoezanWriteBack.IsEmpty)
        {
            // The lost update: our write of GHL's value may have overwritten Roezan's change after Roezan sent this
            // event, or Roezan may still hold its own: Roezan gets the winner either way, as GHL does through the plan
            // (ConflictWriteBack). Roezan then holds this event's contact with the winning values.
            var winners = settlement.RoezanWriteBack;
            var roezanAfter = held with { FirstName = winners.FirstName ?? held.FirstName, LastName = winners.LastName ?? held.LastName, Email = winners.Email?.ToLowerInvariant() ?? held.Email };
            await _writeBacks.ToRoezanAsync(delivery, ghlId, winners, roezanAfter, now, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Disposition == PlanDisposition.Apply && plan.ContactState is { } after)
        {
            // With what the update replaces in GHL and Roezan's own change time (OverwrittenValues, GhlChangePlanner).
            var written = plan.Steps.OfType<UpdateContactStep>().FirstOrDefault()?.Fields ?? ContactFields.Empty;
            var before = linked?.Fields ?? ContactFields.Empty;
            var replaced = new EchoWrite(OverwrittenValues.Before(before, written), plan.OccurredAt) { After = OverwrittenValues.After(before, written) };
            await _echoes.RecordWriteAsync(delivery.LocationId, ghlId, SyncSystem.Ghl, ContactFingerprint.Of(after), now, replaced, cancellationToken).ConfigureAwait(false);
        }

        return plan;
    }
}
