using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoezanGhl.Engine.Health;

namespace RoezanGhl.Engine.Tests.Health;

public class HealthReportJsonTests
{
    [Fact]
    public void The_report_json_lists_every_check_with_its_data_and_no_exceptions()
    {
        var report = new HealthReport(
            new Dictionary<string, HealthReportEntry>
            {
                ["queues"] = new(HealthStatus.Healthy, "reachable", TimeSpan.Zero, null, null),
                ["locations"] = new(HealthStatus.Degraded, "1 of 2 need attention", TimeSpan.Zero, new InvalidOperationException("token pit-secret"),
                    new Dictionary<string, object> { ["loc-1"] = "ok", ["loc-2"] = "needs attention", ["count"] = 2, ["ok"] = false }),
            },
            TimeSpan.Zero);

        var json = HealthReportJson.Write(report);

        Assert.Equal(200, HealthReportJson.StatusCode(report));
        Assert.Equal(
            """{"status":"degraded","checks":{"queues":{"status":"healthy","description":"reachable"},"locations":{"status":"degraded","description":"1 of 2 need attention","data":{"loc-1":"ok","loc-2":"needs attention","count":2,"ok":false}}}}""",
            json);
        Assert.DoesNotContain("pit-secret", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unhealthy_report_answers_503()
    {
        var report = new HealthReport(new Dictionary<string, HealthReportEntry> { ["tables"] = new(HealthStatus.Unhealthy, "unreachable", TimeSpan.Zero, null, null) }, TimeSpan.Zero);
        Assert.Equal(503, HealthReportJson.StatusCode(report));
        Assert.Contains("\"status\":\"unhealthy\"", HealthReportJson.Write(report), StringComparison.Ordinal);
    }
}
