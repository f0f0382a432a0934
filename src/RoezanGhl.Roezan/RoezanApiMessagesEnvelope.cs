namespace RoezanGhl.Roezan;

/// <summary>The answer of a contact's messages.</summary>
internal sealed class RoezanApiMessagesEnvelope
{
    public List<RoezanApiMessage> Messages { get; set; } = [];
}
