namespace RoezanGhl.Roezan;

/// <summary>The answer of a send: <c>{message:{id, …}}</c>.</summary>
internal sealed class RoezanApiMessageEnvelope
{
    public RoezanApiMessage? Message { get; set; }
}
