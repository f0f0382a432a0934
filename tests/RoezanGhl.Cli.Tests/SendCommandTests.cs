using RoezanGhl.Storage.Queueing;
using RoezanGhl.TestSupport.Lanes;
using RoezanGhl.TestSupport.Webhooks;

namespace RoezanGhl.Cli.Tests;

[IntegrationLane]
public sealed class SendCommandTests : IAsyncLifetime
{
    private CliRig _rig = null!;
    private WebhookAppHost _app = null!;
    private string _event = null!;

    public async Task InitializeAsync()
    {
        _rig = await CliRig.StartAsync();
        _app = await WebhookAppHost.StartAsync(_rig.Host);
        _event = Path.Combine(_rig.Folder, "event.json");
        await File.WriteAllTextAsync(_event, RoezanSampleEvents.ContactCreated("evt_sent_1"));
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _rig.DisposeAsync();
    }

    private Task<CliResult> SendAsync(params string[] extra) =>
        _rig.RunAsync(["send", _event, "--account", CliRig.AccountId, "--url", _app.BaseUrl.ToString(), "--function-key", WebhookAppHost.FunctionKey, .. extra]);

    [Fact]
    public async Task A_signed_event_is_accepted_by_the_running_app_and_queued_as_the_trigger_reads_it()
    {
        var result = await SendAsync();

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains("202", result.Output, StringComparison.Ordinal);
        Assert.Contains("evt_sent_1", result.Output, StringComparison.Ordinal);
        Assert.Contains($"POST {_app.BaseUrl}api/roezan/acme/events", result.Output, StringComparison.Ordinal);
        var message = Assert.Single((await _rig.RawQueue.PeekMessagesAsync()).Value);
        Assert.Equal("evt_sent_1", RoezanEventQueueClient.Deserialize(HostQueueMessageEncoding.DecodeAsTrigger(message.MessageText)).Event.Id);
    }

    [Fact]
    public async Task The_same_event_sent_twice_is_answered_duplicate_the_second_time()
    {
        await SendAsync();

        var again = await SendAsync();

        Assert.Equal(0, again.Exit);
        Assert.Contains("200", again.Output, StringComparison.Ordinal);
        Assert.Contains("duplicate", again.Output, StringComparison.Ordinal);
        Assert.Single((await _rig.RawQueue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task A_secret_the_app_does_not_hold_is_refused_with_401_and_a_non_zero_exit()
    {
        _rig.Environment["Secrets__roezan-webhook-secret-acme"] = "test-secret-other";

        var result = await SendAsync();

        Assert.Equal(1, result.Exit);
        Assert.Contains("401", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("test-secret", result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(await _rig.RawQueue.ExistsAsync() && (await _rig.RawQueue.PeekMessagesAsync()).Value.Length > 0);
    }

    [Fact]
    public async Task Without_the_function_key_the_host_turns_it_away()
    {
        var result = await _rig.RunAsync("send", _event, "--account", CliRig.AccountId, "--url", _app.BaseUrl.ToString());

        Assert.Equal(1, result.Exit);
        Assert.Contains("401", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_that_is_not_running_is_one_line_saying_so()
    {
        var result = await _rig.RunAsync("send", _event, "--account", CliRig.AccountId, "--url", "http://127.0.0.1:9");

        Assert.Equal(1, result.Exit);
        var line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("error: could not reach http://127.0.0.1:9/api/roezan/acme/events", line, StringComparison.Ordinal);
        Assert.Equal(0, _app.Requests);
    }

    [Fact]
    public async Task A_missing_file_and_an_unknown_account_are_one_line_each()
    {
        var missing = await _rig.RunAsync("send", Path.Combine(_rig.Folder, "nope.json"), "--account", CliRig.AccountId);
        var unknown = await _rig.RunAsync("send", _event, "--account", "nobody");

        Assert.Equal((2, 1), (missing.Exit, unknown.Exit));
        Assert.Contains("does not exist", Assert.Single(missing.ErrorLines), StringComparison.Ordinal);
        Assert.Contains("account 'nobody' is not configured (Roezan:Accounts:nobody:GhlLocationId); configured: acme", Assert.Single(unknown.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_one_account_configured_send_needs_no_account()
    {
        var result = await _rig.RunAsync("send", _event, "--url", _app.BaseUrl.ToString(), "--function-key", WebhookAppHost.FunctionKey);

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Contains($"POST {_app.BaseUrl}api/roezan/acme/events", result.Output, StringComparison.Ordinal);
        Assert.Contains("202", result.Output, StringComparison.Ordinal);
    }
}
