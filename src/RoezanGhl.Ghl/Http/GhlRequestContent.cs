using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RoezanGhl.Ghl.Models;
using RoezanGhl.Ghl.Serialization;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// The bodies and path segments of <see cref="GhlContactsClient"/>'s requests: UTF-8 JSON from the source-generated
/// contract (null members left out, so GHL keeps what we do not know), tag lists cleaned before they are sent, and
/// ids escaped into paths.
/// </summary>
internal static class GhlRequestContent
{
    public static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> type)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The tags body of an add or a remove: blanks and exact repeats dropped; at least one tag.</summary>
    public static ByteArrayContent Tags(string contactId, IEnumerable<string> tags)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentNullException.ThrowIfNull(tags);
        var list = tags.Where(tag => !string.IsNullOrWhiteSpace(tag)).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("Give at least one tag.", nameof(tags));
        }

        return Json(new GhlTagsRequest { Tags = list }, GhlJsonContext.Default.GhlTagsRequest);
    }

    /// <summary>The call's location; a body that names another location is a caller's mistake.</summary>
    public static string MatchLocation(string locationId, string? bodyLocationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        if (!string.IsNullOrEmpty(bodyLocationId) && !string.Equals(bodyLocationId, locationId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The body names location '{bodyLocationId}' but the call is for '{locationId}'.", nameof(locationId));
        }

        return locationId;
    }

    public static string Escape(string? segment) => Uri.EscapeDataString(segment ?? "");

    /// <summary>The path of a task call: the contact's tasks (create), one task, or its <c>/completed</c>.</summary>
    public static string TaskPath(GhlOperation operation, string contactId, string? taskId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var path = $"/contacts/{Escape(contactId)}/tasks";
        if (operation != GhlOperations.CreateTask)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
            path += $"/{Escape(taskId)}";
        }

        if (operation == GhlOperations.CompleteTask)
        {
            path += "/completed";
        }

        return path;
    }
}
