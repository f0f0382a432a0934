namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>The verdict of <see cref="GhlWebhookFreshness.Check"/>; <see cref="TooOld"/> and <see cref="InTheFuture"/> are 401s.</summary>
public enum GhlTimestampCheck
{
    /// <summary>Within the tolerance of our clock, either way.</summary>
    Fresh,

    /// <summary>The body has no <c>timestamp</c>.</summary>
    Missing,

    /// <summary>Older than the tolerance: a replay, or a delivery held up far too long.</summary>
    TooOld,

    /// <summary>Further ahead of our clock than the tolerance.</summary>
    InTheFuture,
}
