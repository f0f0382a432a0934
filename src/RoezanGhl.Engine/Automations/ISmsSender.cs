using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// Sends a text through Roezan at most once per send id, with the send ledger as the record: Sending is stored before
/// Roezan is called and Sent after; a lost answer is settled by looking in Roezan, and when that cannot tell, the
/// text is marked Unknown, never sent again, and an operator is told. For any caller that sends (automations, replies
/// typed in GHL): pick a deterministic id per text you mean to send once.
/// </summary>
public interface ISmsSender
{
    /// <summary>
    /// Sends <paramref name="text"/> to <paramref name="phone"/> unless the ledger already has <paramref name="sendId"/>
    /// in a final state (then answers with that state, sending nothing). Does not check consent: the caller does
    /// (automations through <see cref="SmsScheduleSweeper"/>); Roezan itself refuses opted-out numbers.
    /// </summary>
    Task<SmsSendResult> SendOnceAsync(string sendId, string accountId, string phone, string text, CancellationToken cancellationToken);

    /// <summary>Sends a row of the ledger that is Planned (and due and allowed: the caller checked) or settles one left in Sending.</summary>
    Task<SmsSendResult> SendAsync(SmsSendRecord record, CancellationToken cancellationToken);
}
