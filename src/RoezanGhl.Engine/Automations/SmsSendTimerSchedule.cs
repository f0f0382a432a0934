namespace RoezanGhl.Engine.Automations;

/// <summary>The send sweep's NCRONTAB schedule: every minute, because sending hours and reminders are planned to the minute.</summary>
public static class SmsSendTimerSchedule
{
    public const string EveryMinute = "0 * * * * *";
}
