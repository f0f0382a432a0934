using RoezanGhl.TestSupport.Ghl;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class CheckCommandTests : IAsyncLifetime
{
    private CliRig _rig = null!;

    public async Task InitializeAsync() => _rig = await CliRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task The_checklist_passes_against_a_working_location_and_leaves_nothing_behind()
    {
        _rig.Simulator.State.SeedContact(CliRig.LocationId, new System.Text.Json.Nodes.JsonObject { ["firstName"] = "Existing", ["phone"] = "+12015550100" });

        var result = await _rig.RunAsync("check", "--location", CliRig.LocationId);

        Assert.True(result.Exit == 0, result.ToString());
        foreach (var step in new[] { "read a contact", "create a test contact", "add a tag", "create a task", "create a note", "delete what it created" })
        {
            Assert.Contains($"pass  {step}", result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("All 6 checks passed", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
        var left = Assert.Single(_rig.Simulator.State.ContactsOf(CliRig.LocationId));
        Assert.Equal("Existing", (string?)left["firstName"]);
        var calls = _rig.Simulator.State.Recorded.Select(request => $"{request.Method} {request.Path}").ToList();
        Assert.Contains("POST /contacts/", calls);
        Assert.Single(calls, call => call.StartsWith("POST /contacts/", StringComparison.Ordinal) && call.EndsWith("/tags", StringComparison.Ordinal));
        Assert.Single(calls, call => call.StartsWith("POST /contacts/", StringComparison.Ordinal) && call.EndsWith("/tasks", StringComparison.Ordinal));
        Assert.Single(calls, call => call.StartsWith("POST /contacts/", StringComparison.Ordinal) && call.EndsWith("/notes", StringComparison.Ordinal));
        Assert.Single(calls, call => call.StartsWith("DELETE /contacts/", StringComparison.Ordinal) && call.Contains("/tasks/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_location_that_is_not_active_fails_the_checklist_with_a_non_zero_exit()
    {
        _rig.Simulator.Settings = _rig.Simulator.Settings with { InactiveLocations = [CliRig.LocationId] };

        var result = await _rig.RunAsync("check", "--location", CliRig.LocationId);

        Assert.Equal(1, result.Exit);
        Assert.Contains("FAIL  read a contact", result.Output, StringComparison.Ordinal);
        Assert.Contains("FAIL  create a test contact", result.Output, StringComparison.Ordinal);
        Assert.Contains("skipped: no test contact", result.Output, StringComparison.Ordinal);
        Assert.Contains("nothing was created", result.Output, StringComparison.Ordinal);
        Assert.Equal("error: 5 of 6 checks failed for GHL location loc-acme", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public async Task A_token_ghl_refuses_fails_the_first_step_and_names_the_secret()
    {
        _rig.Simulator.Settings = _rig.Simulator.Settings with { ExpiredTokens = [RoezanGhl.TestSupport.Ghl.GhlSimulatorHost.TokenFor(CliRig.LocationId)] };

        var result = await _rig.RunAsync("check", "--location", CliRig.LocationId);

        Assert.Equal(1, result.Exit);
        Assert.Contains("FAIL  read a contact", result.Output, StringComparison.Ordinal);
        Assert.Contains("ghl-token-loc-acme", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-token-loc-acme", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_account_asking_for_the_conversation_with_a_private_integration_token_fails_the_check_saying_so()
    {
        _rig.Values[$"Roezan__Accounts__{CliRig.AccountId}__InboundMessages"] = "conversation";
        _rig.Values[$"Roezan__Accounts__{CliRig.AccountId}__GhlConversationProviderId"] = "sim-sms-provider";
        _rig.Values[$"Secrets__ghl-token-{CliRig.LocationId}"] = "pit-0000-cli-check";
        _rig.WriteSettings();
        _rig.Simulator.Settings = _rig.Simulator.Settings with { Tokens = new(StringComparer.Ordinal) };

        var result = await _rig.RunAsync("check", "--location", CliRig.LocationId);

        Assert.Equal(1, result.Exit);
        Assert.Contains("conversation provider install", result.Output, StringComparison.Ordinal);
        Assert.Contains("Private Integration token", result.Output, StringComparison.Ordinal);
        Assert.Equal("error: 1 of 7 checks failed for GHL location loc-acme", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain("pit-0000-cli-check", result.Output + result.Error, StringComparison.Ordinal);
    }
}
