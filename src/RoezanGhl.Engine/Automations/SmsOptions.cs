using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Automations;

/// <summary>
/// The <c>Sms</c> section: how planned texts are sent (<c>Sms__MaxPerContactPerDay</c>, …). Every one has a default.
/// The sweep runs every minute (<see cref="SmsSendTimerSchedule"/>).
/// </summary>
public sealed class SmsOptions
{
    public const string SectionName = "Sms";

    /// <summary>Automated texts one contact may get per day (the account's local day); one more is dropped and recorded.</summary>
    [Range(1, 100, ErrorMessage = "Sms:MaxPerContactPerDay must be between 1 and 100.")]
    public int MaxPerContactPerDay { get; set; } = 3;

    /// <summary>Automated texts one account may send per day (its local day); one more is dropped and recorded.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Sms:MaxPerAccountPerDay must be between 1 and 1000000.")]
    public int MaxPerAccountPerDay { get; set; } = 5_000;

    /// <summary>Texts one sweep sends per account at most; the rest wait for the next minute.</summary>
    [Range(1, 10_000, ErrorMessage = "Sms:SweepBatch must be between 1 and 10000.")]
    public int SweepBatch { get; set; } = 200;

    /// <summary>
    /// A text left in Sending longer than this (the run stopped between calling Roezan and recording the answer) is
    /// settled by looking in Roezan. Longer than one whole send call with its timeout.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Sms:SendingStaleAfter must be between 00:00:30 and 01:00:00.")]
    public TimeSpan SendingStaleAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How far before the call's start a text found in Roezan still counts as ours when settling a lost answer (clock
    /// skew between us and Roezan). A wider window can only make us believe a text went out, never send it twice.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Sms:LookupSkew must be between 00:00:00 and 01:00:00.")]
    public TimeSpan LookupSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a text whose answer was lost may wait in Sending while Roezan answers every look-up with 429; after
    /// that it is Unknown and people are notified (never sent again), so no row waits for ever.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "7.00:00:00", ErrorMessage = "Sms:LookupGiveUpAfter must be between 00:10:00 and 7.00:00:00.")]
    public TimeSpan LookupGiveUpAfter { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Calls to Roezan's send per text: a look-up that finds the text not sent allows another call, up to this many.</summary>
    [Range(1, 5, ErrorMessage = "Sms:MaxSendAttempts must be between 1 and 5.")]
    public int MaxSendAttempts { get; set; } = 2;
}
