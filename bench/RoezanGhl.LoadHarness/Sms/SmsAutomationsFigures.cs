namespace RoezanGhl.LoadHarness.Sms;

/// <summary>What the <c>sms_automations</c> profile measured (counts; no timing figure is claimed).</summary>
public sealed record SmsAutomationsFigures
{
    public required int Triggers { get; init; }

    public required int SmsSent { get; init; }

    /// <summary>Texts Roezan received more than once (same number, same text): must be 0.</summary>
    public required int SmsSentTwice { get; init; }

    /// <summary>Texts Roezan received for a number after it opted out: must be 0.</summary>
    public required int SmsToOptedOut { get; init; }

    /// <summary>Texts sent outside the account's sending hours (08:00–21:00 New York): must be 0.</summary>
    public required int SmsInQuietHours { get; init; }

    /// <summary>Roezan calls made by the send path (number look-ups, sent-text look-ups, sends) per text sent.</summary>
    public required double RoezanCallsPerSms { get; init; }

    public required int ContactsOptedOutBeforeTheirText { get; init; }

    public required string Scenario { get; init; }
}
