namespace RoezanGhl.Ghl.Models;

/// <summary>The statuses a provider may set (<c>UpdateMessageStatusDto.status</c>).</summary>
public static class GhlMessageStatuses
{
    public const string Delivered = "delivered";
    public const string Failed = "failed";
    public const string Pending = "pending";
    public const string Read = "read";
}
