using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests;

public class HealthFunctionTests
{
    [IntegrationLane]
    [Fact]
    public async Task Reachable_storage_is_200_healthy_with_each_check_and_no_connection_details()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var request = new DefaultHttpContext().Request;

        var result = Assert.IsType<ContentResult>(await rig.Host.Function<HealthFunction>().RunAsync(request, CancellationToken.None));

        Assert.Equal(200, result.StatusCode);
        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", json.RootElement.GetProperty("checks").GetProperty("queues").GetProperty("status").GetString());
        Assert.Equal("healthy", json.RootElement.GetProperty("checks").GetProperty("tables").GetProperty("status").GetString());
        Assert.DoesNotContain("AccountKey", result.Content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("devstoreaccount1", result.Content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RoezanWebhookRig.Secret, result.Content, StringComparison.Ordinal);
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_failing_check_is_503_naming_which_one_failed()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddHealthChecks()
            .AddCheck("queues", () => HealthCheckResult.Healthy("reachable"))
            .AddCheck("tables", () => HealthCheckResult.Unhealthy("unreachable (HTTP 403 AuthorizationPermissionMismatch)"))
            .Services.BuildServiceProvider();

        var result = Assert.IsType<ContentResult>(await new HealthFunction(services.GetRequiredService<HealthCheckService>()).RunAsync(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.Equal(503, result.StatusCode);
        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("healthy", json.RootElement.GetProperty("checks").GetProperty("queues").GetProperty("status").GetString());
        Assert.Equal("unhealthy", json.RootElement.GetProperty("checks").GetProperty("tables").GetProperty("status").GetString());
    }
}
