using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.GhlWebhooks;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Engine.Processing.RoezanToGhl;
using RoezanGhl.Roezan;
using RoezanGhl.Storage.Leases;
using RoezanGhl.Storage.Ledger;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>
/// Applies one GHL contact change to Roezan: under the contact's lease, read what the link records, let
/// <see cref="GhlChangePlanner"/> decide, remember the fingerprint of the state about to be written, upsert the
/// Roezan contact by phone, and record the new state on the link.
/// </summary>
/// <remarks>
/// <para>Why echo suppression holds under concurrency and reordering:</para>
/// <list type="bullet">
/// <item>Both directions write a contact only while holding its lease (<see cref="GhlLeaseKeys.ContactLock"/>; for a
/// contact not linked yet also the creation claims of its phone and email, the keys Roezan → GHL takes when it creates
/// one). So this run reads the link's state and echo history after any write of the other direction has recorded
/// them, never half-way through.</item>
/// <item>The fingerprint of the state is stored <em>before</em> the write (<see cref="EchoHistoryStore"/>), so the
/// echo cannot arrive before it: if the write then fails, an unused fingerprint remains, which costs nothing.</item>
/// <item>Echoes may arrive out of order (the echo of an older write after a newer one): the history keeps every
/// fingerprint written in the last <see cref="EchoHistory.Window"/>, not only the last.</item>
/// <item>A settled conflict writes its winner back to GHL too (<see cref="ConflictWriteBack"/>), so both systems end
/// holding it; that write's fingerprint is stored first as well.</item>
/// <item>The upsert is keyed by phone and only adds tags, so the client's retry after a lost answer (a ghost write)
/// writes the same state again; its second echo matches the same fingerprint.</item>
/// </list>
/// </remarks>
public sealed class GhlContactApplier
{
    private readonly ContactLinkStore _links;
    private readonly EchoHistoryStore _echoes;
    private readonly LeaseStore _leases;
    private readonly RoezanApiClient _roezan;
    private readonly TwoWayRules _rules;
    private readonly GhlToRoezanContext _context;

    public GhlContactApplier(ContactLinkStore links, EchoHistoryStore echoes, LeaseStore leases, RoezanApiClient roezan, TwoWayRules rules, GhlToRoezanContext context)
    {
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _echoes = echoes ?? throw new ArgumentNullException(nameof(echoes));
        _leases = leases ?? throw new ArgumentNullException(nameof(leases));
        _roezan = roezan ?? throw new ArgumentNullException(nameof(roezan));
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _context = context ?? throw new ArgumentNullException(nameof(context));
    }

    public async Task<EventVerdict> ApplyAsync(EventDelivery delivery, GhlContactEvent contact, DateTimeOffset? changedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(contact);
        var ghlId = contact.Id!;
        var incoming = GhlContactFields.From(contact);
        var keys = new List<string> { GhlLeaseKeys.ContactLock(ghlId) };
        keys.AddRange(new ContactIdentity { Phone = incoming.Phone, Email = incoming.Email }.CreationClaimKeys(delivery.AccountId).Select(GhlLeaseKeys.CreationClaim));
        if (await TakeLeasesAsync(delivery, keys, cancellationToken).ConfigureAwait(false) is { } blocked)
        {
            return blocked;
        }

        var linked = await ReadLinkAsync(delivery, ghlId, cancellationToken).ConfigureAwait(false);
        var history = await _echoes.ReadAsync(delivery.LocationId, ghlId, cancellationToken).ConfigureAwait(false);
        var now = _context.Time.GetUtcNow();
        var decision = GhlChangePlanner.Decide(incoming, GhlContactFields.SmsDoNotDisturb(contact), changedAt, linked, history, now, await _rules.ForChangesFromGhlAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false));
        if (decision.Conflicts.Count > 0)
        {
            _context.Conflicts.Count(delivery.AccountId);
            GhlToRoezanLog.Conflict(_context.Logger, delivery.EventId, delivery.AccountId, ghlId, string.Join(", ", decision.Conflicts.Select(c => c.Field)));

            // The lost update: our write of a Roezan change to GHL may have overwritten this GHL change after GHL sent
            // it, or GHL may still hold its own value: GHL gets the winner either way, as Roezan does through the upsert
            // (or already holds, when Roezan won). Its fingerprint goes first, so GHL's webhook about it is an echo.
            await _context.WriteBacks.ToGhlAsync(delivery, ghlId, decision.GhlWriteBack, decision.GhlStateAfterWriteBack, now, cancellationToken).ConfigureAwait(false);
        }

        if (decision.Kind != GhlChangeDecisionKind.Apply)
        {
            GhlToRoezanLog.Skipped(_context.Logger, delivery.EventId, delivery.AccountId, ghlId, decision.Reason);
            return EventVerdict.Final(EventLedgerStatus.Skipped, decision.Reason, outcome: Outcome(decision));
        }

        // The fingerprint first (see the remarks): the echo of this write must find it.
        // With it, what the write replaces in Roezan and GHL's own change time (OverwrittenValues, RoezanChangeConflicts).
        // The write goes through the account's field mapping in reverse; the fingerprint is of what Roezan then holds, in
        // GHL's terms, as Roezan's webhook about it reads mapped forward (RoezanContactWrites).
        var profile = await _context.Profiles.GetProfileAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false);
        var mapping = ContactFieldReverseMapper.MappingOf(profile.FieldMapping);
        var optOutTag = _rules.Options.OptOutTag;
        var before = linked?.Fields ?? ContactFields.Empty;
        var replaced = new EchoWrite(OverwrittenValues.Before(before, decision.Upsert), changedAt) { After = OverwrittenValues.After(before, decision.Upsert) };
        await _echoes.RecordWriteAsync(delivery.LocationId, ghlId, SyncSystem.Roezan, ContactFingerprint.Of(RoezanContactWrites.HeldAfter(decision.NewState, mapping, optOutTag)), now, replaced, cancellationToken).ConfigureAwait(false);
        var written = await _roezan.UpsertContactAsync(delivery.AccountId, RoezanContactWrites.Upsert(decision.Upsert.Phone!, decision.Upsert, mapping, optOutTag), cancellationToken).ConfigureAwait(false);
        delivery.StepsRun++;

        if (decision.MovedFromPhone is { } oldPhone)
        {
            await LeaveOldNumberAsync(delivery, ghlId, linked!, oldPhone, now, mapping, cancellationToken).ConfigureAwait(false);
        }

        var identity = new ContactIdentity { RoezanContactId = written?.Id is { Length: > 0 } id ? id : null, Phone = decision.NewState.Phone, Email = decision.NewState.Email };
        var state = new ContactSnapshot { GhlContactId = ghlId, Fields = AsRoezanToGhlSees(profile, mapping, linked, decision.NewState, identity), LastOccurredAt = decision.NewStateAt, FieldChanges = decision.NewStateFieldChanges, LastEventId = delivery.EventId };
        await _links.RecordContactAsync(delivery.LocationId, delivery.AccountId, ghlId, identity, state, delivery.EventId, cancellationToken).ConfigureAwait(false);
        if (decision.OptsOut)
        {
            GhlToRoezanLog.OptedOutByTag(_context.Logger, ghlId, delivery.AccountId, _rules.Options.OptOutTag, delivery.EventId);
        }

        GhlToRoezanLog.Applied(_context.Logger, delivery.EventId, delivery.AccountId, ghlId, decision.Reason);
        return EventVerdict.Final(EventLedgerStatus.Applied, null, outcome: Outcome(decision), targetContactId: identity.RoezanContactId);
    }

    /// <summary>
    /// The state to record, in the terms Roezan → GHL compares with: the Roezan contact as the write left it (the state
    /// through the account's field mapping in reverse), through that mapping forward again (which may add constants
    /// such as GHL's <c>source</c>), over what was recorded. So
    /// Roezan's webhook about this very write plans as "no change", and nothing bounces back to GHL.
    /// </summary>
    private ContactFields AsRoezanToGhlSees(PlanningProfile profile, AccountMapping mapping, ContactSnapshot? linked, ContactFields written, ContactIdentity identity)
    {
        var roezan = RoezanContactWrites.Holding(written, mapping, _rules.Options.OptOutTag, identity.RoezanContactId);
        var mapped = profile.FieldMapping.Map(roezan);
        return (linked?.Fields ?? ContactFields.Empty).MergedWith(mapped).MergedWith(written);
    }

    /// <summary>
    /// The phone changed in GHL and the contact now lives under the new number in Roezan: the contact under the old one is
    /// tagged (Roezan's API has no delete and cannot renumber), its identities are unlinked, and its own webhook about
    /// the tag is known as an echo. Contacts with the tag are not synced back to GHL (<see cref="RoezanToGhl.RoezanEchoGuard"/>).
    /// </summary>
    private async Task LeaveOldNumberAsync(EventDelivery delivery, string ghlId, ContactSnapshot linked, string oldPhone, DateTimeOffset now, AccountMapping mapping, CancellationToken cancellationToken)
    {
        // The tag is Roezan's own (not a GHL value): written as it is. The contact left there holds the link's state as
        // the reverse mapping wrote it, plus the tag; its webhook, mapped forward, gives this fingerprint.
        var tag = _rules.Options.PhoneMovedTag;
        var held = RoezanContactWrites.Holding(linked.Fields, mapping, _rules.Options.OptOutTag);
        held.Tags = [.. (held.Tags ?? []).Append(tag).Distinct(StringComparer.OrdinalIgnoreCase)];
        var left = RoezanContactWrites.AsGhlSees(held, mapping);
        await _echoes.RecordWriteAsync(delivery.LocationId, ghlId, SyncSystem.Roezan, ContactFingerprint.Of(left), now, cancellationToken).ConfigureAwait(false);
        var old = await _roezan.UpsertContactAsync(delivery.AccountId, new RoezanContactUpsert { Phone = oldPhone, Tags = [tag] }, cancellationToken).ConfigureAwait(false);
        delivery.StepsRun++;
        var oldIdentity = new ContactIdentity { RoezanContactId = old?.Id is { Length: > 0 } oldId ? oldId : null, Phone = oldPhone };
        await _links.ForgetIdentitiesAsync(delivery.LocationId, delivery.AccountId, oldIdentity, cancellationToken).ConfigureAwait(false);
        GhlToRoezanLog.PhoneMoved(_context.Logger, delivery.EventId, delivery.AccountId, ghlId, tag);
    }

    /// <summary>The link's state; null for a GHL contact the sync has never written or recorded (new to it).</summary>
    private async Task<ContactSnapshot?> ReadLinkAsync(EventDelivery delivery, string ghlId, CancellationToken cancellationToken)
    {
        var state = await _links.ReadContactAsync(delivery.LocationId, ghlId, cancellationToken).ConfigureAwait(false);
        return state.LastEventId is null && state.Fields.IsEmpty ? null : state;
    }

    private async Task<EventVerdict?> TakeLeasesAsync(EventDelivery delivery, List<string> keys, CancellationToken cancellationToken)
    {
        var acquired = await _leases.TryAcquireAsync(delivery.LocationId, keys, delivery.EventId, _context.Processing.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (!acquired.Acquired)
        {
            var status = delivery.Entry!.Status is EventLedgerStatus.Received or EventLedgerStatus.Processing ? EventLedgerStatus.Queued : delivery.Entry.Status;
            return EventVerdict.Requeue(status, _context.Processing.LeaseWaitDelay, $"waits for {acquired.BlockingKey}, held by event {acquired.HeldBy ?? "(another)"}");
        }

        delivery.Leases.Clear();
        delivery.Leases.AddRange(keys);
        return null;
    }

    /// <summary>The ledger's one line: the decision, and for a conflict both values of each field (the ledger, not logs, may hold them).</summary>
    private static string Outcome(GhlChangeDecision decision) =>
        decision.Conflicts.Count == 0 ? decision.Reason : $"{decision.Reason}; conflict: {string.Join("; ", decision.Conflicts)}";
}
