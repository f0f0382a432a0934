namespace RoezanGhl.Ghl.Models;

/// <summary><c>PUT /conversations/messages/{messageId}/status</c> (<c>UpdateMessageStatusDto</c>).</summary>
public sealed class GhlMessageStatusRequest
{
    /// <summary><c>delivered</c>, <c>failed</c>, <c>pending</c> or <c>read</c> (<see cref="GhlMessageStatuses"/>).</summary>
    public required string Status { get; set; }

    /// <summary>Why the provider could not deliver it; send with <c>failed</c>.</summary>
    public GhlMessageError? Error { get; set; }
}
