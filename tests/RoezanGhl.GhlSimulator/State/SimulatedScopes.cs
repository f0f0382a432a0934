using Microsoft.AspNetCore.Http;

namespace RoezanGhl.GhlSimulator.State;

/// <summary>
/// The OAuth scope GHL requires for an endpoint, as HighLevel's OpenAPI specs list it (<c>security</c> of each
/// operation): reads need <c>{resource}.readonly</c>, everything else <c>{resource}.write</c>, where the resource is
/// <c>contacts</c>, <c>conversations</c> or <c>conversations/message</c>, <c>locations</c> or a location's
/// <c>locations/customFields</c> (customValues, tags, templates). <c>POST /contacts/search</c> is a read.
/// </summary>
public static class SimulatedScopes
{
    private static readonly HashSet<string> LocationParts = new(StringComparer.Ordinal) { "customFields", "customValues", "tags", "templates" };

    /// <summary>The scope <paramref name="method"/> on <paramref name="path"/> needs.</summary>
    public static string Required(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var read = HttpMethods.IsGet(method) || (HttpMethods.IsPost(method) && path.TrimEnd('/').EndsWith("/search", StringComparison.Ordinal));
        return $"{Resource(segments)}.{(read ? "readonly" : "write")}";
    }

    private static string Resource(string[] segments) => segments switch
    {
        ["locations", _, var part, ..] when LocationParts.Contains(part) => $"locations/{part}",
        ["conversations", ..] when segments.Contains("messages", StringComparer.Ordinal) => "conversations/message",
        [var first, ..] => first,
        _ => "(none)",
    };
}
