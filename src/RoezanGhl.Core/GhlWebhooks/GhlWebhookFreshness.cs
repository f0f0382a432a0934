namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Replay protection by the body's <c>timestamp</c>: a delivery is taken only within the tolerance of our
/// clock (HighLevel suggests 5 minutes). The signature covers the timestamp, so it cannot be refreshed by
/// a replayer; a repeat inside the window is caught by the <c>webhookId</c> dedupe.
/// </summary>
public static class GhlWebhookFreshness
{
    /// <summary>Exactly the tolerance away still passes; a moment more does not.</summary>
    public static GhlTimestampCheck Check(DateTimeOffset? timestamp, DateTimeOffset now, TimeSpan tolerance)
    {
        if (timestamp is not { } sent)
        {
            return GhlTimestampCheck.Missing;
        }

        var age = now - sent;
        return age > tolerance ? GhlTimestampCheck.TooOld
            : -age > tolerance ? GhlTimestampCheck.InTheFuture
            : GhlTimestampCheck.Fresh;
    }
}
