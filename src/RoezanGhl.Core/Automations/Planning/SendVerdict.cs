namespace RoezanGhl.Core.Automations.Planning;

/// <summary>The last check before a scheduled text goes to Roezan.</summary>
public sealed record SendVerdict(SendVerdictKind Kind, string Reason, DateTimeOffset? RetryAt = null)
{
    public static SendVerdict Send() => new(SendVerdictKind.Send, "all checks passed.");

    public static SendVerdict Cancel(string reason) => new(SendVerdictKind.Cancel, reason);

    public static SendVerdict Defer(DateTimeOffset retryAt, string reason) => new(SendVerdictKind.Defer, reason, retryAt);
}
