using System.Text;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Moq;
using RoezanGhl.Functions.Functions;
using RoezanGhl.Functions.Middleware;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Functions.Tests;

public class HttpProblemMiddlewareTests
{
    private static (FunctionContext Context, DefaultHttpContext Http) HttpInvocation()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns("RoezanWebhook");
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { ["HttpRequestContext"] = http });
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InvocationId).Returns("inv-42");
        return (context.Object, http);
    }

    private static async Task<JsonElement> BodyOf(DefaultHttpContext http)
    {
        http.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(http.Response.Body);
        return json.RootElement.Clone();
    }

    [Fact]
    public async Task An_unexpected_exception_in_an_http_function_becomes_a_500_problem_without_internals()
    {
        var (context, http) = HttpInvocation();
        var logger = new FakeLogger<HttpProblemMiddleware>();

        await new HttpProblemMiddleware(logger).Invoke(context, _ => throw new InvalidOperationException("connection string AccountKey: fake-test-value"));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        var body = await BodyOf(http);
        Assert.Equal(("urn:roezan-ghl:problem:internal", 500), (body.GetProperty("type").GetString(), body.GetProperty("status").GetInt32()));
        Assert.Contains("inv-42", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", body.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1901, logger.LatestRecord.Id.Id);
    }

    [IntegrationLane]
    [Fact]
    public async Task A_bug_in_the_roezan_webhook_is_a_500_problem_with_the_exception_logged_not_a_503()
    {
        await using var rig = await RoezanWebhookRig.StartAsync();
        rig.Secrets.Failure = new InvalidOperationException("bug (test)");
        var (context, http) = HttpInvocation();
        var body = Encoding.UTF8.GetBytes(RoezanSampleEvents.NoteCreated("evt_fn_bug"));
        http.Request.Method = "POST";
        http.Request.ContentType = "application/json";
        http.Request.ContentLength = body.Length;
        http.Request.Body = new MemoryStream(body);
        var logger = new FakeLogger<HttpProblemMiddleware>();

        await new HttpProblemMiddleware(logger).Invoke(context, async _ => await rig.Host.Webhook.RunAsync(http.Request, "acme", CancellationToken.None));

        Assert.Equal(500, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
        Assert.Equal("urn:roezan-ghl:problem:internal", (await BodyOf(http)).GetProperty("type").GetString());
        Assert.Equal((1901, LogLevel.Error), (logger.LatestRecord.Id.Id, logger.LatestRecord.Level));
        Assert.IsType<InvalidOperationException>(logger.LatestRecord.Exception);
        Assert.Empty(await rig.PeekRawAsync());
    }

    [Fact]
    public async Task A_storage_failure_becomes_a_503_so_that_the_caller_retries()
    {
        var (context, http) = HttpInvocation();

        await new HttpProblemMiddleware(new FakeLogger<HttpProblemMiddleware>()).Invoke(context, _ => throw new RequestFailedException(500, "table down"));

        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("30", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal("urn:roezan-ghl:problem:unavailable", (await BodyOf(http)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Exceptions_of_other_triggers_are_rethrown_for_the_hosts_retries()
    {
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new HttpProblemMiddleware(new FakeLogger<HttpProblemMiddleware>()).Invoke(context.Object, _ => throw new InvalidOperationException("queue message failed")));
    }

    [Fact]
    public async Task A_successful_invocation_is_left_alone()
    {
        var (context, http) = HttpInvocation();
        http.Response.StatusCode = 202;

        await new HttpProblemMiddleware(new FakeLogger<HttpProblemMiddleware>()).Invoke(context, _ => Task.CompletedTask);

        Assert.Equal(202, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }
}
