using System.Net.Http.Json;
using System.Net;
using System.Text.Json.Nodes;
using RoezanGhl.GhlSimulator.Hosting;
using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Ghl.Tests.Simulator;

public sealed class SimulatorHttpTests
{
    private const string Location = "loc-http";

    [IntegrationLane]
    [Fact]
    public async Task Requests_without_version_or_with_an_unknown_token_are_refused_and_every_answer_has_rate_limit_headers()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };

        using var noVersion = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", GhlSimulatorHost.TokenFor(Location), version: null));
        using var badToken = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", "test-token-unknown"));
        using var ok = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", GhlSimulatorHost.TokenFor(Location)));

        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, badToken.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("100", ok.Headers.GetValues("X-RateLimit-Max").Single());
        Assert.Equal("99", ok.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("10000", ok.Headers.GetValues("X-RateLimit-Interval-Milliseconds").Single());
        Assert.Equal("199999", ok.Headers.GetValues("X-RateLimit-Daily-Remaining").Single());
        Assert.Equal("200000", ok.Headers.GetValues("X-RateLimit-Limit-Daily").Single());
    }

    [IntegrationLane]
    [Fact]
    public async Task A_429_carries_retry_after_only_when_the_setting_says_so()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        simulator.Settings = simulator.Settings with { RateLimitMax = 1, RateLimitIntervalMs = 60_000 };
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
        var token = GhlSimulatorHost.TokenFor(Location);

        using var allowed = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", token));
        using var withRetryAfter = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", token));
        simulator.Settings = simulator.Settings with { SendRetryAfter = false };
        using var withoutRetryAfter = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", token));

        Assert.Equal(HttpStatusCode.TooManyRequests, withRetryAfter.StatusCode);
        Assert.InRange(withRetryAfter.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.TooManyRequests, withoutRetryAfter.StatusCode);
        Assert.Null(withoutRetryAfter.Headers.RetryAfter);
        Assert.Equal(2, simulator.State.Counters.Snapshot().RateLimited);
    }

    [IntegrationLane]
    [Fact]
    public async Task The_admin_api_changes_settings_seeds_contacts_and_reports_state_and_counters()
    {
        await using var simulator = await GhlSimulatorHost.StartAsync(locations: [Location]);
        using var http = new HttpClient { BaseAddress = simulator.BaseUrl };

        using var put = await http.PutAsync("/_sim/settings", JsonContent.Create(new JsonObject { ["allowDuplicates"] = true, ["ghostWriteMode"] = "Abort", ["tokens"] = new JsonObject { ["test-token-x"] = Location } }));
        using var seeded = await http.PostAsJsonAsync($"/_sim/locations/{Location}/contacts", new JsonObject { ["firstName"] = "Ana" });
        using var listed = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}", "test-token-x"));
        var state = await http.GetFromJsonAsync<JsonObject>("/_sim/state");
        var counters = await http.GetFromJsonAsync<JsonObject>("/_sim/counters");
        using var reset = await http.PostAsync("/_sim/reset", null);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(simulator.Settings.AllowDuplicates);
        Assert.Equal(GhlSimulator.State.GhostWriteMode.Abort, simulator.Settings.GhostWriteMode);
        Assert.Equal(HttpStatusCode.Created, seeded.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Single(state!["locations"]![Location]!["contacts"]!.AsArray());
        Assert.Equal(1, counters!["total"]!.GetValue<long>());
        Assert.Empty(simulator.State.ContactsOf(Location));
        Assert.Equal(0, simulator.State.Counters.Snapshot().Total);
    }

    [IntegrationLane]
    [Fact]
    public async Task A_record_file_gets_one_json_line_per_request_without_the_token()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ghlsim-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using (var simulator = await GhlSimulatorHost.StartAsync(locations: [Location], recordFile: file))
            {
                using var http = new HttpClient { BaseAddress = simulator.BaseUrl };
                using var listed = await http.SendAsync(Request(HttpMethod.Get, $"/contacts/?locationId={Location}&limit=5", GhlSimulatorHost.TokenFor(Location)));
                using var created = await http.SendAsync(Request(HttpMethod.Post, "/contacts/", GhlSimulatorHost.TokenFor(Location), body: $$"""{"locationId":"{{Location}}","firstName":"Ana"}"""));
            }

            var lines = await File.ReadAllLinesAsync(file);
            var list = JsonNode.Parse(lines[0])!;
            var create = JsonNode.Parse(lines[1])!;
            Assert.Equal(2, lines.Length);
            Assert.Equal("5", list["query"]!["limit"]!.GetValue<string>());
            Assert.Equal("POST", create["method"]!.GetValue<string>());
            Assert.Equal("/contacts/", create["path"]!.GetValue<string>());
            Assert.Equal("2021-07-28", create["headers"]!["Version"]!.GetValue<string>());
            Assert.Contains("Ana", create["body"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal("Bearer <redacted>", create["headers"]!["Authorization"]!.GetValue<string>());
            Assert.DoesNotContain(GhlSimulatorHost.TokenFor(Location), string.Join('\n', lines), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void The_record_file_is_named_by_ghlsim_record()
    {
        var before = Environment.GetEnvironmentVariable(RequestRecorder.EnvironmentVariable);
        try
        {
            Environment.SetEnvironmentVariable(RequestRecorder.EnvironmentVariable, null);
            Assert.False(RequestRecorder.FromEnvironment().Enabled);
            Environment.SetEnvironmentVariable(RequestRecorder.EnvironmentVariable, Path.Combine(Path.GetTempPath(), "ghlsim-unused.jsonl"));
            Assert.True(RequestRecorder.FromEnvironment().Enabled);
        }
        finally
        {
            Environment.SetEnvironmentVariable(RequestRecorder.EnvironmentVariable, before);
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string token, string? version = "2021-07-28", string? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("Authorization", $"Bearer {token}");
        if (version is not null)
        {
            request.Headers.TryAddWithoutValidation("Version", version);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }
}
