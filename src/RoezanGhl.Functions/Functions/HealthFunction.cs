using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Health;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>GET /api/health</c> (anonymous): up or down per registered health check (storage queues and tables; others
/// add theirs with <c>services.AddHealthChecks().AddCheck…</c>), 200 or 503, from a report run at most once per
/// <c>Health:CacheDuration</c> (<see cref="CachedHealthReport"/>).
/// </summary>
public sealed class HealthFunction(CachedHealthReport health)
{
    public const string Name = "Health";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await health.GetAsync(cancellationToken).ConfigureAwait(false);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ContentResult
        {
            StatusCode = HealthReportJson.StatusCode(report),
            ContentType = "application/json; charset=utf-8",
            Content = HealthReportJson.Write(report),
        };
    }
}
