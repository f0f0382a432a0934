using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Tests;

public sealed class SettingsTests
{
    [Fact]
    public void Using_up_an_accounts_rate_limit_leaves_it_nothing_until_its_window_resets()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var state = new RoezanSimulatorState(new RoezanSimulatorSettings { RateLimitLimit = 3, RateLimitWindowSeconds = 2 }.WithAccount("acme", "k"), time);
        state.CountRequest("acme");

        var used = state.UseUpRateLimit("ACME");
        var during = state.CountRequest("acme");
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(2, used);
        Assert.False(during.Allowed);
        Assert.True(state.CountRequest("acme").Allowed);
        Assert.Equal(0, state.Counters.Snapshot().Total);
        Assert.Throws<ArgumentException>(() => state.UseUpRateLimit("nobody"));
    }

    [Fact]
    public void The_defaults_can_be_used()
    {
        Assert.Empty(new RoezanSimulatorSettings().Problems());
    }

    [Fact]
    public void Every_out_of_range_value_is_named()
    {
        var settings = new RoezanSimulatorSettings
        {
            GhostWriteRatio = -0.1,
            RateLimitLimit = -1,
            RateLimitWindowSeconds = 0,
            ServerErrorBurst = -1,
            GhostWriteCount = -1,
            WebhookMaxAttempts = 0,
            WebhookRetryBaseDelayMs = 2_000,
            WebhookRetryMaxDelayMs = 1_000,
            WebhookTimeoutMs = 0,
            GhostWriteMode = (GhostWriteMode)9,
        }.WithAccount("acme", "k");
        var blankKey = settings with { Accounts = new() { ["acme"] = new RoezanSimulatorAccount { ApiKeys = [" "] } } };

        var problems = string.Join("\n", settings.Problems());

        foreach (var name in new[] { "GhostWriteRatio", "RateLimitLimit", "RateLimitWindowSeconds", "ServerErrorBurst", "GhostWriteCount", "WebhookMaxAttempts", "WebhookRetryMaxDelayMs", "WebhookTimeoutMs", "GhostWriteMode" })
        {
            Assert.Contains(name, problems, StringComparison.Ordinal);
        }

        Assert.Contains(blankKey.Problems(), problem => problem.Contains("non-blank API key", StringComparison.Ordinal));
    }

    [Fact]
    public void The_state_refuses_settings_with_problems_and_keeps_the_ones_it_had()
    {
        var state = new RoezanSimulatorState(new RoezanSimulatorSettings().WithAccount("acme", "k"));
        var before = state.Settings;

        Assert.Throws<ArgumentException>(() => state.Settings = before with { ServerErrorRatio = 1.5 });
        Assert.Throws<ArgumentException>(() => new RoezanSimulatorState(new RoezanSimulatorSettings { DefaultRegion = "Narnia" }));
        Assert.Same(before, state.Settings);
    }

    [Fact]
    public void Another_region_reads_numbers_without_a_country_code_there()
    {
        var state = new RoezanSimulatorState(new RoezanSimulatorSettings { DefaultRegion = "GB" }.WithAccount("acme", "k"));
        var admin = new Operations.RoezanSimulatorAdmin(state);

        var contact = admin.SeedContact("acme", new ContactFields { Phone = "020 7946 0018" });

        Assert.Equal("+442079460018", contact.Phone);
        Assert.Same(contact, state.FindContact("acme", "+44 20 7946 0018"));
    }
}
