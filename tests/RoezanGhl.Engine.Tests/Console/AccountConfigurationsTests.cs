using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Console;
using RoezanGhl.Storage.Configurations;
using RoezanGhl.TestSupport.Hosting;
using RoezanGhl.TestSupport.Lanes;

namespace RoezanGhl.Engine.Tests.Console;

/// <summary>
/// The configurations saved from the console: versions in blob storage, ETag-guarded saves, the start validators'
/// refusal, restore, and the planner's profile source reading the latest version without a restart.
/// </summary>
[IntegrationLane]
public sealed class AccountConfigurationsTests : IAsyncLifetime
{
    private AppTestHost _host = null!;

    public async Task InitializeAsync() => _host = await AppTestHost.Create().WithFakeTime().StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private AccountConfigurations Configurations => _host.Get<AccountConfigurations>();

    private static string ContactCreated(string id, string phone) => $$$$"""
        {"id":"{{{{id}}}}","type":"contact.created","occurredAt":"2026-11-24T09:00:00Z",
         "data":{"contact":{"id":"c_{{{{id}}}}","firstName":"Bo","phone":"{{{{phone}}}}","tags":["lead"]}}}
        """;

    private static AccountConfiguration Copy(AccountConfiguration configuration)
    {
        Assert.True(AccountConfigurationJson.TryRead(AccountConfigurationJson.Write(configuration), out var copy, out _));
        return copy;
    }

    private static AccountConfiguration WithTagPrefix(AccountConfiguration configuration, string prefix)
    {
        var copy = Copy(configuration);
        copy.Mapping.TagPrefix = prefix;
        return copy;
    }

    private static AccountConfiguration WithDirection(AccountConfiguration configuration, string field, string direction)
    {
        var copy = Copy(configuration);
        copy.Mapping.Directions[field] = direction;
        return copy;
    }

    private static string TagOf(PlanningProfile profile) =>
        Assert.Single(profile.FieldMapping.Map(new RoezanContact { Id = "c_1", Tags = ["vip"] }).Tags);

    [Fact]
    public async Task Before_any_save_the_configuration_in_force_is_the_settings_seed_at_version_zero()
    {
        var current = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);

        Assert.Equal(0, current.Version);
        Assert.Equal("\"v0\"", current.ETag);
        Assert.StartsWith("the app settings", current.Source, StringComparison.Ordinal);
        Assert.Empty(await Configurations.ListVersionsAsync(AppTestHost.AccountId, CancellationToken.None));
    }

    [Fact]
    public async Task A_saved_mapping_is_used_by_the_next_event_without_a_restart()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        await _host.PostAllAsync([ContactCreated("evt_before", "(201) 555-0109")]);
        await _host.DrainAsync();

        var saved = await Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, WithTagPrefix(seed.Configuration, "roezan:"), "test@example.com", null, CancellationToken.None);
        await _host.PostAllAsync([ContactCreated("evt_after", "(201) 555-0110")]);
        await _host.DrainAsync();

        Assert.True(saved.Succeeded);
        Assert.Equal(1, saved.Saved!.Version);
        var tags = _host.Simulator.State.ContactsOf(AppTestHost.LocationId)
            .ToDictionary(contact => (string)contact["phone"]!, contact => string.Join(",", contact["tags"]!.AsArray().Select(tag => (string?)tag)));
        Assert.Equal("lead", tags["+12015550109"]);
        Assert.Equal("roezan:lead", tags["+12015550110"]);
    }

    [Fact]
    public async Task A_saved_direction_is_kept_and_both_directions_follow_it_without_a_restart()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        var candidate = WithDirection(WithDirection(seed.Configuration, "tags", "ghl-to-roezan"), "email", "roezan-to-ghl");

        var saved = await Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, candidate, "test@example.com", null, CancellationToken.None);
        await _host.PostAllAsync([ContactCreated("evt_directed", "(201) 555-0111")]);
        await _host.DrainAsync();

        Assert.True(saved.Succeeded);
        var current = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal("ghl-to-roezan", current.Configuration.Mapping.Directions["tags"]);
        var contact = Assert.Single(_host.Simulator.State.ContactsOf(AppTestHost.LocationId));
        Assert.Equal("Bo", (string?)contact["firstName"]);
        Assert.DoesNotContain("lead", contact["tags"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        var rules = await _host.Get<RoezanGhl.Engine.Processing.GhlToRoezan.TwoWayRules>().ForChangesFromGhlAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal("roezan-to-ghl", rules.Directions["email"]);
    }

    [Fact]
    public async Task An_unknown_direction_is_refused_naming_the_field()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);

        var result = await Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, WithDirection(seed.Configuration, "email", "sideways"), "ann@example.com", null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, problem => problem.Path == "Mapping:directions:email");
    }

    [Fact]
    public async Task Of_two_editors_who_started_from_the_same_version_only_the_first_save_is_stored()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);

        var first = await Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, WithTagPrefix(seed.Configuration, "first:"), "ann@example.com", null, CancellationToken.None);
        var conflict = await Assert.ThrowsAsync<ConfigurationVersionConflictException>(() =>
            Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, WithTagPrefix(seed.Configuration, "second:"), "bob@example.com", null, CancellationToken.None));

        Assert.True(first.Succeeded);
        Assert.Equal(1, conflict.LatestVersion);
        var current = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal((1, "first:"), (current.Version, current.Configuration.Mapping.TagPrefix));
    }

    [Fact]
    public async Task An_invalid_mapping_is_refused_with_the_start_validators_messages_by_field_and_nothing_is_stored()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        var candidate = WithTagPrefix(seed.Configuration, "a,b");
        candidate.Mapping.StandardFields["companyName"] = "shoeSize";

        var result = await Configurations.SaveAsync(AppTestHost.AccountId, seed.Version, candidate, "ann@example.com", null, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Problems, problem => problem.Path.EndsWith("tagPrefix", StringComparison.Ordinal) && problem.Message.Contains("comma", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path.EndsWith("standardFields:companyName", StringComparison.Ordinal));
        Assert.All(result.Problems, problem => Assert.StartsWith("Mapping:", problem.Path, StringComparison.Ordinal));
        Assert.Empty(await Configurations.ListVersionsAsync(AppTestHost.AccountId, CancellationToken.None));
    }

    [Fact]
    public async Task Restoring_an_earlier_version_saves_its_content_as_the_newest_version()
    {
        var seed = await Configurations.GetAsync(AppTestHost.AccountId, CancellationToken.None);
        await Configurations.SaveAsync(AppTestHost.AccountId, 0, WithTagPrefix(seed.Configuration, "one:"), "ann@example.com", null, CancellationToken.None);
        await Configurations.SaveAsync(AppTestHost.AccountId, 1, WithTagPrefix(seed.Configuration, "two:"), "ann@example.com", null, CancellationToken.None);

        var restored = await Configurations.RestoreAsync(AppTestHost.AccountId, 1, 2, "bob@example.com", CancellationToken.None);

        Assert.True(restored.Succeeded);
        Assert.Equal((3, "one:"), (restored.Saved!.Version, restored.Saved.Configuration.Mapping.TagPrefix));
        var versions = await Configurations.ListVersionsAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal([3, 2, 1], versions.Select(version => version.Version));
        Assert.Equal(("bob@example.com", "restored from version 1"), (versions[0].SavedBy, versions[0].Note));
        var profile = await _host.Get<IPlanningProfileSource>().GetProfileAsync(AppTestHost.AccountId, CancellationToken.None);
        Assert.Equal("one:vip", TagOf(profile));
    }

    [Fact]
    public async Task Another_instance_uses_a_saved_version_once_its_short_cache_expires()
    {
        var source = _host.Get<IPlanningProfileSource>();
        var before = await source.GetProfileAsync(AppTestHost.AccountId, CancellationToken.None);
        var seed = AccountConfiguration.From(_host.Get<Microsoft.Extensions.Options.IOptions<RoezanGhl.Core.Accounts.RoezanOptions>>().Value.Accounts[AppTestHost.AccountId]);

        // Written straight to storage, as another instance's save would be: this instance's cache is not told.
        await _host.Get<AccountConfigurationVersions>().SaveAsync(AppTestHost.AccountId, 0, AccountConfigurationJson.Write(WithTagPrefix(seed, "other:")), "ann@example.com", null, _host.Time.GetUtcNow(), CancellationToken.None);
        var cached = await source.GetProfileAsync(AppTestHost.AccountId, CancellationToken.None);
        _host.Time.Advance(_host.Get<Microsoft.Extensions.Options.IOptions<ConsoleOptions>>().Value.ConfigurationRefresh);
        var refreshed = await source.GetProfileAsync(AppTestHost.AccountId, CancellationToken.None);

        Assert.Same(before, cached);
        Assert.Equal("other:vip", TagOf(refreshed));
    }
}
