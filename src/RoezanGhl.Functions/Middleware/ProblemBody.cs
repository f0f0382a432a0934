namespace RoezanGhl.Functions.Middleware;

/// <summary>The RFC 9457 members the middleware writes.</summary>
internal sealed record ProblemBody(string Type, string Title, int Status, string Detail);
