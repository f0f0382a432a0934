namespace RoezanGhl.Roezan;

/// <summary>The body of <c>POST /integrations/message/send</c> (camelCase like the contact upsert). Holds the text and the phone: never log it.</summary>
internal sealed class RoezanMessageSend
{
    public required string Phone { get; init; }

    public required string Message { get; init; }
}
