using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using RoezanGhl.Engine.Notifications;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Notifications;

[IntegrationLane]
public sealed class NotificationRedirectTests
{
    [Fact]
    public async Task A_webhook_answering_a_redirect_is_not_followed_and_the_refusal_is_logged()
    {
        TestLanes.RequireIntegration("The redirecting server on 127.0.0.1");
        var followed = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var server = builder.Build();
        server.MapPost("/hook", () => Results.Redirect("/elsewhere"));
        server.Map("/elsewhere", () =>
        {
            Interlocked.Increment(ref followed);
            return Results.Ok();
        });
        await server.StartAsync();

        var refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var logs = new FakeLogCollector(Options.Create(new FakeLogCollectorOptions
        {
            OutputSink = line =>
            {
                if (line.Contains("HTTP 302", StringComparison.Ordinal))
                {
                    refused.TrySetResult();
                }
            },
        }));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Notifications:WebhookUrl"] = server.Urls.Single() + "/hook" })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(logging => logging.AddProvider(new FakeLoggerProvider(logs)))
            .AddRoezanNotifications()
            .BuildServiceProvider();
        var sender = services.GetServices<IHostedService>().OfType<FailureNotificationSender>().Single();
        await sender.StartAsync(CancellationToken.None);
        try
        {
            services.GetRequiredService<IFailureNotifier>().Notify(new FailureNotice
            {
                EventId = "evt_redirect_1",
                EventType = "note.created",
                AccountId = "acme",
                LocationId = "loc-1",
                Status = "Failed",
                Reason = "test",
            });

            await refused.Task.WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, Volatile.Read(ref followed));
            Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 5301);
        }
        finally
        {
            await sender.StopAsync(CancellationToken.None);
        }
    }
}
