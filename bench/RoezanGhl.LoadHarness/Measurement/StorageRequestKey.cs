using System.Diagnostics;
using System.Text.RegularExpressions;
using RoezanGhl.Core.Diagnostics;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>
/// Names one storage request for the harness's per-event list: which step of the event's path made it (the app's
/// nearest span: the webhook door, the send to the queue, processing, planning, a plan step; "host" for the queue
/// pump's own receives and deletes), the method, and what it touched: the table and the kind of row (a ledger row, a
/// links-table row by its key's prefix such as <c>rc|</c> or <c>gc|</c>, a query, a batch), the queue's messages, or
/// the blob container. Names made unique per run (table prefix, queue names) are reduced to their kind.
/// </summary>
public static partial class StorageRequestKey
{
    /// <summary>The key, or null when <paramref name="url"/> is not a request to the local storage emulator.</summary>
    public static string? Of(Activity request, string? url, string? method)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || !uri.IsLoopback || uri.Segments.Length < 3 || uri.Segments[1] != "devstoreaccount1/")
        {
            return null;
        }

        return $"{Phase(request)} {method ?? "?"} {Target(uri)}";
    }

    /// <summary>What the request touched, from Azurite's path (<c>/devstoreaccount1/{table or queue or container}...</c>).</summary>
    public static string Target(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var first = Uri.UnescapeDataString(uri.Segments[2].Trim('/'));
        var paren = first.IndexOf('(', StringComparison.Ordinal);
        var name = RunUnique().Replace(paren > 0 ? first[..paren] : first, string.Empty);
        if (paren > 0 && first.EndsWith("()", StringComparison.Ordinal))
        {
            // Table() with a filter: a query (a range of rows, or a scan).
            return $"{name} query";
        }

        if (paren > 0)
        {
            // A table entity: Table(PartitionKey='p',RowKey='r').
            var rowKey = RowKey().Match(first);
            var row = !rowKey.Success ? "entity" : rowKey.Groups[1].Value.Contains('|', StringComparison.Ordinal) ? rowKey.Groups[1].Value[..(rowKey.Groups[1].Value.IndexOf('|', StringComparison.Ordinal) + 1)] + " row" : "row";
            return $"{name} {row}";
        }

        if (uri.Segments.Length > 3)
        {
            // A queue's messages (messages/{id} for a delete or update) or a blob in a container.
            var rest = uri.Segments[3].Trim('/');
            return rest == "messages" ? $"queue {name} messages{(uri.Segments.Length > 4 ? "/id" : string.Empty)}" : $"blob {name}";
        }

        return uri.Query.Contains("filter", StringComparison.OrdinalIgnoreCase) ? $"{name} query" : name;
    }

    private static string Phase(Activity request)
    {
        for (var parent = request.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent.Source.Name != RoezanGhlTelemetry.SourceName)
            {
                continue;
            }

            var name = parent.DisplayName;
            return name.StartsWith("process ", StringComparison.Ordinal) ? "process"
                : name.StartsWith("send ", StringComparison.Ordinal) ? "door-send"
                : name.StartsWith("roezan webhook", StringComparison.Ordinal) ? "door"
                : name.StartsWith("step ", StringComparison.Ordinal) ? "step"
                : name;
        }

        return "host";
    }

    [GeneratedRegex("^Tt[0-9a-f]{11}|[0-9a-f]{16,}")]
    private static partial Regex RunUnique();

    [GeneratedRegex("RowKey='([^']*)'")]
    private static partial Regex RowKey();
}
