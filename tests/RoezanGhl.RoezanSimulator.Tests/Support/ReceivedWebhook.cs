using System.Text;
using System.Text.Json.Nodes;

namespace RoezanGhl.RoezanSimulator.Tests.Support;

/// <summary>One POST the test receiver got: the signature header, content type and the raw body bytes.</summary>
internal sealed record ReceivedWebhook(string? Signature, string? ContentType, byte[] Body)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string Type => Json["type"]!.GetValue<string>();

    public string Text => Encoding.UTF8.GetString(Body);
}
