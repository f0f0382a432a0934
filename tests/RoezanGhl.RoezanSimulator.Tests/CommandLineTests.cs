using System.Diagnostics;
using System.Net;
using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void Without_arguments_it_serves_account_demo_with_the_local_key_on_port_5082_and_sends_no_webhooks()
    {
        var launch = SimulatorCommandLine.Read([]);

        Assert.Empty(launch.Problems);
        Assert.Equal(5082, launch.Port);
        var (accountId, account) = Assert.Single(launch.Settings!.Accounts);
        Assert.Equal("demo", accountId);
        Assert.Equal([SimulatorCommandLine.DefaultApiKey], account.ApiKeys);
        Assert.Null(account.WebhookUrl);
        Assert.Null(account.WebhookSecret);
    }

    [Fact]
    public void A_webhook_url_alone_signs_with_the_secret_of_the_sample_settings()
    {
        var launch = SimulatorCommandLine.Read(["--webhook-url", "http://localhost:7071/api/roezan/demo/events"]);

        Assert.Equal(SimulatorCommandLine.DefaultWebhookSecret, launch.Settings!.Accounts["demo"].WebhookSecret);
    }

    [Fact]
    public void The_account_key_webhook_and_any_named_setting_come_from_the_arguments()
    {
        var launch = SimulatorCommandLine.Read([
            "--port", "5099", "--account", "acme", "--api-key", "test-roezan-key-cli",
            "--webhook-url", "http://127.0.0.1:7071/api/roezan/acme/events", "--webhook-secret", "test-secret",
            "--setting", "LatencyMs=200", "--setting", "RateLimitLimit=60", "--setting", "SendRetryAfter=false", "--setting", "GhostWriteMode=Abort",
        ]);

        Assert.Empty(launch.Problems);
        var settings = launch.Settings!;
        var account = settings.Accounts["acme"];
        Assert.Equal(5099, launch.Port);
        Assert.Equal(["test-roezan-key-cli"], account.ApiKeys);
        Assert.Equal(("http://127.0.0.1:7071/api/roezan/acme/events", "test-secret"), (account.WebhookUrl, account.WebhookSecret));
        Assert.Equal((200, 60, false, GhostWriteMode.Abort), (settings.LatencyMs, settings.RateLimitLimit, settings.SendRetryAfter, settings.GhostWriteMode));
        Assert.Equal(60, settings.RateLimitWindowSeconds);
    }

    [Theory]
    [InlineData("a WebhookUrl needs a WebhookSecret", "--webhook-url", "http://127.0.0.1:7071/api/roezan/demo/events", "--webhook-secret", " ")]
    [InlineData("WebhookUrl must be an absolute http or https URL", "--webhook-url", "/api/roezan/demo/events")]
    [InlineData("LatencyMs must be at least 0", "--setting", "LatencyMs=-1")]
    [InlineData("LatencyMz", "--setting", "LatencyMz=5")]
    [InlineData("give Name=value", "--setting", "LatencyMs")]
    [InlineData("give Name=value", "--setting", "Accounts:x:ApiKeys:0=k")]
    [InlineData("--port must be between 0 and 65535", "--port", "70000")]
    [InlineData("--nonsense", "--nonsense", "1")]
    public void Arguments_that_cannot_work_are_refused_with_a_sentence(string expected, params string[] args)
    {
        var launch = SimulatorCommandLine.Read(args);

        Assert.Null(launch.Settings);
        Assert.Contains(launch.Problems, problem => problem.Contains(expected, StringComparison.Ordinal));
    }

    [IntegrationLane]
    [Fact]
    public async Task The_built_simulator_runs_from_the_command_line_and_signs_its_webhooks()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var dll = Path.Combine(AppContext.BaseDirectory, "RoezanGhl.RoezanSimulator.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--port", "0", "--account", "acme", "--api-key", "test-roezan-key-cli", "--webhook-url", receiver.Url.ToString(), "--webhook-secret", Simulators.Secret })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = ChildProcess.Start(start);
        try
        {
            var apiUrl = await ReadApiUrlAsync(process);
            using var api = new HttpClient { BaseAddress = new Uri(apiUrl + "/") };
            api.DefaultRequestHeaders.Add(SimulatorGate.ApiKeyHeader, "test-roezan-key-cli");
            using var admin = new HttpClient { BaseAddress = new Uri(apiUrl[..^"api".Length]) };

            var created = await ApiAnswer.PostAsync(api, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}","firstName":"Ana"}""");
            var drained = await ApiAnswer.PostAsync(admin, "_sim/webhooks/drain?timeoutMs=15000", "{}");

            Assert.StartsWith("http://127.0.0.1:", apiUrl, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Created, created.Status);
            Assert.Equal(HttpStatusCode.OK, drained.Status);
            var hook = Assert.Single(receiver.Received);
            Assert.True(SignatureCheck.IsSignedWith(Simulators.Secret, hook.Signature!, hook.Body));
            Assert.Equal("acme", hook.Json["accountId"]!.GetValue<string>());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Simulators.Guard());
        }
    }

    [IntegrationLane]
    [Fact]
    public async Task A_refused_command_line_exits_with_2_and_says_why_on_stderr()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RoezanGhl.RoezanSimulator.dll"));
        start.ArgumentList.Add("--setting");
        start.ArgumentList.Add("LatencyMs=-1");

        using var process = ChildProcess.Start(start);
        var stderr = await process.StandardError.ReadToEndAsync(Simulators.Guard());
        await process.WaitForExitAsync(Simulators.Guard());

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("LatencyMs must be at least 0", stderr, StringComparison.Ordinal);
    }

    // The simulator prints "Roezan simulator: http://127.0.0.1:<port>/api (…)" once it listens.
    private static async Task<string> ReadApiUrlAsync(Process process)
    {
        const string Prefix = "Roezan simulator: ";
        var guard = Simulators.Guard();
        while (await process.StandardOutput.ReadLineAsync(guard) is { } line)
        {
            if (line.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return line[Prefix.Length..].Split(' ')[0];
            }
        }

        throw new InvalidOperationException($"The simulator ended before listening: {await process.StandardError.ReadToEndAsync(guard)}");
    }
}
