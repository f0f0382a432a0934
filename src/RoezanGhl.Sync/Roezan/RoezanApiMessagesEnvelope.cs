namespace RoezanGhl.Sync.Roezan;

/// <summary>The answer of a contact's messages.</summary>
internal sealed class RoezanApiMessagesEnvelope
{
    public List<RoezanApiMessage> Messages { get; set; } = [];
}
