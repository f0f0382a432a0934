namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>One channel's do-not-disturb state. Its <c>message</c> and <c>code</c> are not read.</summary>
public sealed class GhlDndChannel
{
    /// <summary>HighLevel's status word: <c>active</c> (do not disturb), <c>inactive</c>, or <c>permanent</c>.</summary>
    public string? Status { get; set; }
}
