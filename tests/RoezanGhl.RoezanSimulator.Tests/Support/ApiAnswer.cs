using System.Net;
using System.Text.Json.Nodes;

namespace RoezanGhl.RoezanSimulator.Tests.Support;

/// <summary>An answer read to the end: status, JSON body (null when empty) and headers.</summary>
internal sealed record ApiAnswer(HttpStatusCode Status, JsonNode? Body, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<ApiAnswer> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiAnswer(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), headers);
    }

    public static Task<ApiAnswer> GetAsync(HttpClient client, string path) => SendAsync(client, HttpMethod.Get, path);

    public static Task<ApiAnswer> PostAsync(HttpClient client, string path, string json) => SendAsync(client, HttpMethod.Post, path, json);
}
