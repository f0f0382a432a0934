using System.Globalization;
using Azure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.Storage.Ledger;

namespace RoezanGhl.Engine.Reconciliation;

/// <summary>
/// Bounds the reconciler's re-drive: an event moved back from the poison queue as often as allowed, and failed again,
/// is recorded as Failed with why, and a person is told once. Without this, an event that fails for good is moved
/// back every run, forever, and nobody hears of it.
/// </summary>
public sealed class ReDriveLimit
{
    /// <summary>How the outcome of a given-up event starts: it marks the notice as sent, so the next runs stay quiet.</summary>
    public const string GivenUpOutcome = "given up: ";

    private const int MaxWriteRounds = 3;

    private readonly EventLedger _ledger;
    private readonly IFailureNotifier _notifier;
    private readonly RoezanOptions _accounts;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ReDriveLimit(EventLedger ledger, IFailureNotifier notifier, IOptions<RoezanOptions> accounts, TimeProvider time, ILogger<ReDriveLimit> logger)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _notifier = notifier ?? throw new ArgumentNullException(nameof(notifier));
        _accounts = accounts.Value;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// When the event was re-driven <paramref name="max"/> times already (and is not applied or skipped): records it as
    /// Failed (once) and notifies (once), and returns its entry; otherwise null, and the caller moves it.
    /// </summary>
    public async Task<EventLedgerEntry?> GiveUpIfReachedAsync(QueuedRoezanEvent queued, string eventId, int max, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queued);
        for (var round = 0; ; round++)
        {
            var entry = await _ledger.ReadAsync(queued.AccountId, eventId, cancellationToken).ConfigureAwait(false);
            if (entry.ReDrives < max || entry.Status is EventLedgerStatus.Applied or EventLedgerStatus.Skipped)
            {
                return null;
            }

            if (entry.Status == EventLedgerStatus.Failed && entry.Outcome?.StartsWith(GivenUpOutcome, StringComparison.Ordinal) == true)
            {
                return entry;
            }

            var lastError = entry.LastError ?? "no error recorded";
            var reason = string.Create(CultureInfo.InvariantCulture, $"failed again after {entry.ReDrives} re-drive(s) from the poison queue: {lastError}");
            try
            {
                var failed = await _ledger.SaveAsync(entry with
                {
                    Status = EventLedgerStatus.Failed,
                    LastError = reason,
                    Outcome = GivenUpOutcome + $"re-driven {entry.ReDrives} time(s); left in the poison queue for a person (roezan-ghl replay --id {eventId})",
                    ClaimedBy = null,
                }, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                ReconcileLog.ReDriveGivenUp(_logger, eventId, queued.AccountId, entry.ReDrives);
                Notify(queued, eventId, reason);
                return failed;
            }
            catch (RequestFailedException exception) when (EventLedger.IsConcurrencyConflict(exception) && round < MaxWriteRounds - 1)
            {
                // Changed between our read and write: read it again.
            }
        }
    }

    private void Notify(QueuedRoezanEvent queued, string eventId, string reason) =>
        _notifier.Notify(new FailureNotice
        {
            EventId = eventId,
            EventType = queued.Event.Type ?? "?",
            AccountId = queued.AccountId,
            LocationId = _accounts.Accounts.TryGetValue(queued.AccountId, out var account) ? account.GhlLocationId : "(unknown)",
            Status = nameof(EventLedgerStatus.Failed),
            Reason = reason,
        });
}
