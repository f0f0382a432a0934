using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Decides, before an applier runs, whether a delivery is worked on now, in two steps. Before any storage read
/// (<see cref="Admit"/>): not when its account is not configured (failed) or when <see cref="LocationAdmission"/> says
/// its location cannot take it soon (put back, so that a put-back costs no ledger read); otherwise it holds its
/// location's processing slot until the ticket is disposed. Once its ledger entry is read (<see cref="Enter"/>): not
/// when its event is already final (done), its payload blob is gone (failed), or another delivery holds it (put back).
/// </summary>
public sealed class DeliveryGate
{
    private const string AnotherDelivery = "another delivery is working on it";

    private readonly LocationAdmission _admission;
    private readonly TimeSpan _leaseWaitDelay;
    private readonly ILogger _logger;

    public DeliveryGate(LocationAdmission admission, IOptions<SyncProcessingOptions> options, ILogger<DeliveryGate> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _admission = admission ?? throw new ArgumentNullException(nameof(admission));
        _leaseWaitDelay = options.Value.LeaseWaitDelay;
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Admits <paramref name="delivery"/> for its location before anything is read from storage: a ticket holding the
    /// location's processing slot until disposed, or one whose <see cref="AdmissionTicket.Verdict"/> says how it ends
    /// now (put back for its location; failed when its account is not configured). Read the ledger entry next.
    /// </summary>
    public AdmissionTicket Admit(EventDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Account is null)
        {
            return AdmissionTicket.Refused(EventVerdict.Final(EventLedgerStatus.Failed, $"account '{delivery.AccountId}' is not configured"));
        }

        // A location that cannot get a permit soon, or holds its share of the slots, waits on the queue, not in a slot.
        return _admission.Admit(delivery);
    }

    /// <summary>
    /// Says how an admitted <paramref name="delivery"/>, whose ledger entry has been read, ends now (already done, its
    /// payload gone, held by another delivery), or null when its applier should run.
    /// </summary>
    public EventVerdict? Enter(EventDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var entry = delivery.Entry ?? throw new InvalidOperationException("The delivery's ledger entry has not been read.");
        if (entry.IsFinal)
        {
            SyncLog.EventAlreadyDone(_logger, delivery.EventId, entry.Status);
            return EventVerdict.AlreadyDone;
        }

        if (delivery.PayloadMissing)
        {
            return EventVerdict.Final(EventLedgerStatus.Failed, "payload blob missing: the claim-check blob of this event is gone, so it cannot be applied");
        }

        return delivery.HeldByAnotherRunFor is { } wait ? EventVerdict.PutBack(wait, AnotherDelivery) : null;
    }

    /// <summary>Another delivery of the event wrote its ledger entry first: let that one finish and look again shortly.</summary>
    public EventVerdict AnotherDeliveryWroteFirst() => EventVerdict.PutBack(_leaseWaitDelay, AnotherDelivery);
}
