using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoezanGhl.Engine.Health;

namespace RoezanGhl.Engine.Tests.Health;

public class HealthReportJsonTests
{
    [Fact]
    public void The_report_says_up_or_down_per_check_and_nothing_else()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                ["queues"] = new(HealthStatus.Healthy, "reachable", TimeSpan.Zero, null, null),
                ["tables"] = new(HealthStatus.Unhealthy, "unreachable (HTTP 403 AuthorizationPermissionMismatch)", TimeSpan.Zero, new InvalidOperationException("storage-key-marker-for-this-test"), null),
                ["locations"] = new(HealthStatus.Degraded, "1 of 2 need attention", TimeSpan.Zero, new InvalidOperationException("token pit-secret"),
                    new Dictionary<string, object> { ["loc-1"] = "ok", ["loc-2"] = "needs attention", ["count"] = 2 }),
            },
            TimeSpan.Zero);

        var json = HealthReportJson.Write(report);

        Assert.Equal("""{"status":"down","checks":{"queues":"up","tables":"down","locations":"up"}}""", json);
    }

    [Fact]
    public void A_degraded_report_is_up_with_200_and_an_unhealthy_one_down_with_503()
    {
        var degraded = new HealthReport(new Dictionary<string, HealthReportEntry> { ["locations"] = new(HealthStatus.Degraded, null, TimeSpan.Zero, null, null) }, TimeSpan.Zero);
        var unhealthy = new HealthReport(new Dictionary<string, HealthReportEntry> { ["tables"] = new(HealthStatus.Unhealthy, "unreachable", TimeSpan.Zero, null, null) }, TimeSpan.Zero);

        Assert.Equal((200, """{"status":"up","checks":{"locations":"up"}}"""), (HealthReportJson.StatusCode(degraded), HealthReportJson.Write(degraded)));
        Assert.Equal((503, """{"status":"down","checks":{"tables":"down"}}"""), (HealthReportJson.StatusCode(unhealthy), HealthReportJson.Write(unhealthy)));
    }
}
