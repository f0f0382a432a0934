using System.Collections.Concurrent;
using System.Diagnostics;

namespace RoezanGhl.TestSupport;

/// <summary>
/// Records the HTTP requests of this process whose URL holds <c>marker</c> (a test app's own table prefix, queue or
/// container name, so that tests running alongside are left out), as "METHOD unescaped-path", from .NET's own
/// <c>System.Net.Http</c> activities. For tests that say how many storage requests a flow costs without reaching
/// into the app's clients. Dispose to stop listening.
/// </summary>
public sealed class StorageRequestListener : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _requests = new();

    public StorageRequestListener(string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && Uri.UnescapeDataString(uri.AbsolutePath) is { } path && path.Contains(marker, StringComparison.OrdinalIgnoreCase))
                {
                    _requests.Enqueue($"{activity.GetTagItem("http.request.method")} {path}");
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The requests seen so far, in the order they ended.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Dispose() => _listener.Dispose();
}
