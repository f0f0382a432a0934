using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RoezanGhl.Sync.Health;

/// <summary>
/// Runs one cheap storage call and turns the outcome into a health result. Descriptions are ours (status
/// and error code at most): exception messages can carry URLs and headers, which a health page must not.
/// </summary>
internal static class StorageProbe
{
    public static async Task<HealthCheckResult> RunAsync(Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        try
        {
            await probe(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (RequestFailedException ex)
        {
            return HealthCheckResult.Unhealthy(
                ex.Status == 0 ? "unreachable" : $"unreachable (HTTP {ex.Status}{(ex.ErrorCode is null ? string.Empty : " " + ex.ErrorCode)})");
        }
        catch (OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("unreachable (timed out)");
        }
        catch (Exception ex) when (ex is AggregateException or HttpRequestException or IOException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy($"unreachable ({ex.GetType().Name})");
        }
    }
}
