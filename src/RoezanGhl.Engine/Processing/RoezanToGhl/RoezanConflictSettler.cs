using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;
using RoezanGhl.Core.TwoWay;
using RoezanGhl.Engine.Processing.GhlToRoezan;
using RoezanGhl.Storage.Links;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// Conflicts on the Roezan → GHL side: reads what the link records of the contact (under the contact's lease) and lets
/// <see cref="RoezanChangeConflicts"/> settle the plan by the account's rule (<see cref="TwoWayRules"/>). A conflict is
/// counted on the two-way meter, logged with field names only, and recorded with both values hashed in the plan's
/// reason, which the ledger entry keeps with the plan (a skipped plan's reason is logged, so it holds no values).
/// </summary>
public sealed class RoezanConflictSettler
{
    private readonly ContactLinkStore _links;
    private readonly TwoWayRules _rules;
    private readonly IPlanningProfileSource _profiles;
    private readonly TwoWayMeter _meter;
    private readonly ILogger _logger;

    public RoezanConflictSettler(ContactLinkStore links, TwoWayRules rules, IPlanningProfileSource profiles, TwoWayMeter meter, ILogger<RoezanConflictSettler> logger)
    {
        _links = links ?? throw new ArgumentNullException(nameof(links));
        _rules = rules ?? throw new ArgumentNullException(nameof(rules));
        _profiles = profiles ?? throw new ArgumentNullException(nameof(profiles));
        _meter = meter ?? throw new ArgumentNullException(nameof(meter));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>The tag of a Roezan contact left under its old number when the phone changed in GHL.</summary>
    public string PhoneMovedTag => _rules.Options.PhoneMovedTag;

    /// <summary>
    /// The plan, settled when the Roezan change conflicts with a GHL change to the same field within the window, and the
    /// winner to write back to Roezan (<see cref="ConflictWriteBack"/>).
    /// </summary>
    /// <param name="delivery">The delivery being processed.</param>
    /// <param name="plan">Its plan, made under the contact's lease.</param>
    /// <param name="ghlContactId">The linked GHL contact.</param>
    /// <param name="contact">The Roezan contact the plan was made from.</param>
    /// <param name="overwritten">Its fields that carry values our later write to Roezan replaced (<see cref="OverwrittenValues"/>): not contested.</param>
    /// <param name="history">The contact's echo history.</param>
    /// <param name="cancellationToken">Cancels the storage calls.</param>
    public async Task<RoezanConflictSettlement> SettleAsync(EventDelivery delivery, SyncPlan plan, string ghlContactId, RoezanContact contact, IReadOnlySet<string> overwritten, EchoHistory history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        // Only a write of a GHL change to Roezan can be contested (RoezanChangeConflicts.GhlWriteFor picks which).
        if (!history.Entries.Any(entry => entry.Target == SyncSystem.Roezan))
        {
            return new RoezanConflictSettlement(plan, []);
        }

        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(plan);
        var linked = await _links.ReadContactAsync(delivery.LocationId, ghlContactId, cancellationToken).ConfigureAwait(false);
        if (linked.LastEventId is null)
        {
            return new RoezanConflictSettlement(plan, []);
        }

        var profile = await _profiles.GetProfileAsync(delivery.AccountId, cancellationToken).ConfigureAwait(false);
        var incoming = OverwrittenValues.Without(profile.FieldMapping.Map(contact), overwritten);
        if (RoezanChangeConflicts.GhlWriteFor(history, incoming, linked.Fields) is not { } ghlWrite)
        {
            return new RoezanConflictSettlement(plan, []);
        }

        var settlement = RoezanChangeConflicts.Settle(plan, incoming, linked, ghlWrite.WrittenAt, _rules.For(delivery.AccountId), ghlWrite);
        var conflicts = settlement.Conflicts;
        if (conflicts.Count > 0)
        {
            _meter.Count(delivery.AccountId);
            RoezanConflictLog.Conflict(_logger, delivery.EventId, delivery.AccountId, ghlContactId, string.Join(", ", conflicts.Select(conflict => conflict.Field)), conflicts[0].GhlWon ? "GHL" : "Roezan");
        }

        return settlement;
    }
}
