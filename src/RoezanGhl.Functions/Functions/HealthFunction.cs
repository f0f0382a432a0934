using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoezanGhl.Engine.Health;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>GET /api/health</c> (anonymous): every registered health check (storage queues and tables; others add
/// theirs with <c>services.AddHealthChecks().AddCheck…</c>), 200 or 503, with no secrets or connection strings.
/// </summary>
public sealed class HealthFunction(HealthCheckService health)
{
    public const string Name = "Health";

    [Function(Name)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var report = await health.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return new ContentResult
        {
            StatusCode = HealthReportJson.StatusCode(report),
            ContentType = "application/json; charset=utf-8",
            Content = HealthReportJson.Write(report),
        };
    }
}
