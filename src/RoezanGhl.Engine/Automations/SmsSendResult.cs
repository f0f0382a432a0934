using RoezanGhl.Storage.Sends;

namespace RoezanGhl.Engine.Automations;

/// <summary>Where a send ended: the row's state and reason, and whether this call is the one that made Roezan send it.</summary>
public sealed record SmsSendResult(SmsSendState State, string? Reason, string? RoezanMessageId = null, bool SentByThisCall = false)
{
    /// <summary>Another run changed the row first (it holds the send): this call did nothing.</summary>
    public static SmsSendResult Busy { get; } = new(SmsSendState.Sending, "another run is sending it.");

    public static SmsSendResult Of(SmsSendRecord record, bool sentByThisCall = false)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.State, record.Reason, record.RoezanMessageId, sentByThisCall);
    }
}
