using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Decides, before an applier runs, whether a delivery is worked on now. It is not when its account is not
/// configured or its payload blob is gone (failed), when its event is already final (done), when another delivery
/// holds it (put back), or when <see cref="LocationAdmission"/> says its location cannot take it soon (put back).
/// Otherwise the delivery is admitted and holds its location's processing slot until the ticket is disposed.
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

    /// <summary>Admits <paramref name="delivery"/>, whose ledger entry has been read, or says how it ends now (<see cref="AdmissionTicket.Verdict"/>).</summary>
    public AdmissionTicket Enter(EventDelivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.Account is null)
        {
            return AdmissionTicket.Refused(EventVerdict.Final(EventLedgerStatus.Failed, $"account '{delivery.AccountId}' is not configured"));
        }

        var entry = delivery.Entry ?? throw new InvalidOperationException("The delivery's ledger entry has not been read.");
        if (entry.IsFinal)
        {
            SyncLog.EventAlreadyDone(_logger, delivery.EventId, entry.Status);
            return AdmissionTicket.Refused(EventVerdict.AlreadyDone);
        }

        if (delivery.PayloadMissing)
        {
            return AdmissionTicket.Refused(EventVerdict.Final(EventLedgerStatus.Failed, "payload blob missing: the claim-check blob of this event is gone, so it cannot be applied"));
        }

        if (delivery.HeldByAnotherRunFor is { } wait)
        {
            return AdmissionTicket.Refused(EventVerdict.PutBack(wait, AnotherDelivery));
        }

        // A location that cannot get a permit soon, or holds its share of the slots, waits on the queue, not in a slot.
        return _admission.Admit(delivery);
    }

    /// <summary>Another delivery of the event wrote its ledger entry first: let that one finish and look again shortly.</summary>
    public EventVerdict AnotherDeliveryWroteFirst() => EventVerdict.PutBack(_leaseWaitDelay, AnotherDelivery);
}
