using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RoezanGhl.Engine.Health;
using RoezanGhl.Functions.Functions;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests;

public class HealthFunctionTests
{
    [IntegrationLane]
    [Fact]
    public async Task Reachable_storage_is_200_up_per_check_and_nothing_else()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        var request = new DefaultHttpContext().Request;

        var result = Assert.IsType<ContentResult>(await rig.Host.Function<HealthFunction>().RunAsync(request, CancellationToken.None));

        Assert.Equal(200, result.StatusCode);
        using var json = JsonDocument.Parse(result.Content!);
        Assert.Equal("up", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("up", json.RootElement.GetProperty("checks").GetProperty("queues").GetString());
        Assert.Equal("up", json.RootElement.GetProperty("checks").GetProperty("tables").GetString());
        Assert.DoesNotContain("reachable", result.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("devstoreaccount1", result.Content, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RoezanWebhookRig.Secret, result.Content, StringComparison.Ordinal);
        Assert.Equal("no-store", request.HttpContext.Response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task A_failing_check_is_503_saying_only_which_one_is_down()
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddLogging()
            .AddHealthChecks()
            .AddCheck("queues", () => HealthCheckResult.Healthy("reachable"))
            .AddCheck("tables", () => HealthCheckResult.Unhealthy("unreachable (HTTP 403 AuthorizationPermissionMismatch)"))
            .Services.AddRoezanHealth().BuildServiceProvider();

        var result = Assert.IsType<ContentResult>(await new HealthFunction(services.GetRequiredService<CachedHealthReport>()).RunAsync(new DefaultHttpContext().Request, CancellationToken.None));

        Assert.Equal(503, result.StatusCode);
        Assert.Equal("""{"status":"down","checks":{"queues":"up","tables":"down"}}""", result.Content);
    }
}
