using System.Text.Json.Nodes;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>What an operation answers: a status and a JSON body, or a dropped connection.</summary>
internal sealed record SimResponse(int Status, JsonNode? Body, bool Abort = false);
