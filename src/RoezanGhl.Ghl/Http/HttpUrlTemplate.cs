namespace RoezanGhl.Ghl.Http;

/// <summary>
/// The route template of an outgoing request (<c>/contacts/{contactId}</c>), carried in its
/// <see cref="HttpRequestMessage.Options"/> so that the HTTP span can be named after it instead of a URL
/// that holds ids, phones or emails. The GHL and Roezan clients set it; the telemetry reads it.
/// </summary>
public static class HttpUrlTemplate
{
    public static readonly HttpRequestOptionsKey<string> Key = new("RoezanGhl.UrlTemplate");

    public static void Set(HttpRequestMessage request, string template)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Options.Set(Key, template);
    }

    public static string? Of(HttpRequestMessage request) =>
        request is not null && request.Options.TryGetValue(Key, out var template) ? template : null;
}
