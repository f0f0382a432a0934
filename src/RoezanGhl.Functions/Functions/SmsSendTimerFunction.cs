using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Automations;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// The SMS send sweep, every minute (<see cref="SmsSendTimerSchedule.EveryMinute"/>): sends the automations' texts that
/// are due, from the send ledger in Table storage. The host runs a timer function once across instances; the ledger's
/// conditional writes keep a text from being sent twice even if two sweeps overlap.
/// </summary>
public sealed class SmsSendTimerFunction(SmsScheduleSweeper sweeper)
{
    public const string Name = "SmsSendTimer";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger(SmsSendTimerSchedule.EveryMinute)] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
    }
}
