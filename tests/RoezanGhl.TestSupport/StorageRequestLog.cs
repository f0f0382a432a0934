using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace RoezanGhl.TestSupport;

/// <summary>
/// A pipeline policy that records every storage request a client sends, as "METHOD path" (the account and query
/// left out), so that a test can say how many requests an operation costs and which. Add it to a client's options:
/// <c>options.AddPolicy(log, HttpPipelinePosition.PerCall)</c>.
/// </summary>
public sealed class StorageRequestLog : HttpPipelinePolicy
{
    private readonly ConcurrentQueue<string> _requests = new();

    /// <summary>The requests sent since the last <see cref="Clear"/>, in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public void Clear() => _requests.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Record(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Record(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var path = Uri.UnescapeDataString(message.Request.Uri.Path);
        _requests.Enqueue($"{message.Request.Method} {path}");
    }
}
