namespace RoezanGhl.Core.Events;

/// <summary>An inbound SMS as carried by <c>message.received</c>.</summary>
public sealed class RoezanMessage
{
    public string? Id { get; set; }

    /// <summary>The sender's number; E.164 after normalization.</summary>
    public string? From { get; set; }

    public string? FromName { get; set; }

    public string? Body { get; set; }

    /// <summary>When Roezan received the SMS: follow-up dates are relative to it.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }

    /// <summary>The Roezan contact, when Roezan already knows the sender.</summary>
    public string? ContactId { get; set; }
}
