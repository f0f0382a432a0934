using Microsoft.Extensions.Logging;

namespace RoezanGhl.Storage.Ledger;

internal static partial class LedgerLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "Took over the stale ledger claim of event {EventId} (account {AccountId}) from {PreviousHolder}; it may be queued twice, which the processor's status check absorbs")]
    public static partial void ClaimTakenOver(ILogger logger, string accountId, string eventId, string previousHolder);
}
