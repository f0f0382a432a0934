using System.Net;
using RoezanGhl.RoezanSimulator.Tests.Support;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.RoezanSimulator.Tests;

[IntegrationLane]
public sealed class RateLimitTests
{
    private static readonly string Lookup = $"integrations/contacts?phone={Uri.EscapeDataString(TestPhones.Ana)}";

    [Fact]
    public async Task Every_answer_carries_the_limit_the_remaining_requests_and_the_seconds_until_the_window_reopens()
    {
        var clock = Simulators.Clock();
        await using var sim = await Simulators.StartAsync(time: clock, change: s => s with { RateLimitLimit = 5, RateLimitWindowSeconds = 60 });
        using var client = sim.CreateClient();

        var first = await ApiAnswer.GetAsync(client, Lookup);
        clock.Advance(TimeSpan.FromSeconds(20.5));
        var second = await ApiAnswer.PostAsync(client, "integrations/contacts", "{}");

        Assert.Equal((HttpStatusCode.NotFound, "5", "4", "60"), (first.Status, first.Header("ratelimit-limit"), first.Header("ratelimit-remaining"), first.Header("ratelimit-reset")));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "5", "3", "40"), (second.Status, second.Header("ratelimit-limit"), second.Header("ratelimit-remaining"), second.Header("ratelimit-reset")));
    }

    [Fact]
    public async Task Requests_over_the_limit_get_429_with_retry_after_until_the_window_reopens()
    {
        var clock = Simulators.Clock();
        await using var sim = await Simulators.StartAsync(time: clock, change: s => s with { RateLimitLimit = 2, RateLimitWindowSeconds = 10 });
        using var client = sim.CreateClient();

        await ApiAnswer.GetAsync(client, Lookup);
        await ApiAnswer.GetAsync(client, Lookup);
        clock.Advance(TimeSpan.FromSeconds(3));
        var limited = await ApiAnswer.PostAsync(client, "integrations/contacts", $$"""{"phone":"{{TestPhones.Ana}}"}""");
        clock.Advance(TimeSpan.FromSeconds(7));
        var reopened = await ApiAnswer.GetAsync(client, Lookup);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("Too many requests, please try again later.", limited.Body!["message"]!.GetValue<string>());
        Assert.Equal(("0", "7", "7"), (limited.Header("ratelimit-remaining"), limited.Header("ratelimit-reset"), limited.Header("Retry-After")));
        Assert.Empty(sim.State.ContactsOf(Simulators.Account));
        Assert.Equal(HttpStatusCode.NotFound, reopened.Status);
        Assert.Equal("1", reopened.Header("ratelimit-remaining"));
        Assert.Equal(1, sim.State.Counters.Snapshot().RateLimited);
    }

    [Fact]
    public async Task Without_the_retry_after_setting_a_429_carries_only_the_ratelimit_headers()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { RateLimitLimit = 1, SendRetryAfter = false });
        using var client = sim.CreateClient();

        await ApiAnswer.GetAsync(client, Lookup);
        var limited = await ApiAnswer.GetAsync(client, Lookup);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Null(limited.Header("Retry-After"));
        Assert.Equal("60", limited.Header("ratelimit-reset"));
    }

    [Fact]
    public async Task Each_account_has_its_own_window_and_unknown_keys_share_the_callers()
    {
        await using var sim = await Simulators.StartAsync(change: s => s.WithAccount("globex", "test-roezan-key-globex") with { RateLimitLimit = 1 });
        using var acme = sim.CreateClient(Simulators.ApiKey);
        using var globex = sim.CreateClient("test-roezan-key-globex");
        using var unknown = sim.CreateClient("test-roezan-key-unknown");

        var acmeFirst = await ApiAnswer.GetAsync(acme, Lookup);
        var globexFirst = await ApiAnswer.GetAsync(globex, Lookup);
        var acmeSecond = await ApiAnswer.GetAsync(acme, Lookup);
        var unknownFirst = await ApiAnswer.GetAsync(unknown, Lookup);
        var unknownSecond = await ApiAnswer.GetAsync(unknown, Lookup);

        Assert.Equal(
            [HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests],
            [acmeFirst.Status, globexFirst.Status, acmeSecond.Status, unknownFirst.Status, unknownSecond.Status]);
    }

    [Fact]
    public async Task A_limit_of_zero_turns_the_limit_and_its_headers_off()
    {
        await using var sim = await Simulators.StartAsync(change: s => s with { RateLimitLimit = 0 });
        using var client = sim.CreateClient();

        var answers = new List<ApiAnswer>();
        for (var i = 0; i < 130; i++)
        {
            answers.Add(await ApiAnswer.GetAsync(client, Lookup));
        }

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.NotFound, answer.Status));
        Assert.All(answers, answer => Assert.Null(answer.Header("ratelimit-limit")));
    }
}
