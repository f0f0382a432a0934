using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.FollowUps;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Mapping;

namespace RoezanGhl.Engine.Tests.Mapping;

/// <summary>
/// What the app does at start with the accounts' presets, flows, time zones and mappings, through
/// the same registration the function app uses and the start-up validation the host runs.
/// </summary>
public sealed class AccountSettingsStartupTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "roezanghl-mapping-" + Guid.NewGuid().ToString("N"));

    public AccountSettingsStartupTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_valid_configuration_starts_and_gives_each_account_its_profile()
    {
        using var services = Start(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:TimeZone"] = "Europe/London",
            ["Roezan:Accounts:demo:DefaultPhoneRegion"] = "GB",
            ["Roezan:Accounts:demo:Preset"] = "contacts-and-history",
            ["Roezan:Accounts:demo:Flows:FollowUpTasks"] = "true",
            ["Roezan:Accounts:demo:Flows:NoteCreated"] = "false",
            ["Roezan:Accounts:demo:Mapping:TagPrefix"] = "roezan:",
            ["Roezan:Accounts:demo:Mapping:TagMode"] = "Mirror",
            ["Roezan:Accounts:demo:Mapping:Source"] = "Roezan SMS (UK)",
            ["Roezan:Accounts:demo:Mapping:StandardFields:companyName"] = "name",
            ["Roezan:Accounts:demo:Mapping:CustomFields:plan:Key"] = "contact.plan",
            ["Roezan:Accounts:demo:Mapping:NoteOnContactUpdate"] = "true",
            ["Roezan:Accounts:plain:GhlLocationId"] = "loc-plain",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var profiles = services.GetRequiredService<AccountPlanningProfiles>();

        var demo = profiles.Find("DEMO");
        Assert.NotNull(demo);
        Assert.Same(demo, profiles.GetProfile("demo"));
        Assert.Equal("Europe/London", Assert.IsType<FollowUpTaskRule>(demo.FollowUps).Zone.Id);
        Assert.Equal(SyncFlows.ContactCreated | SyncFlows.ContactUpdated | SyncFlows.ContactFromFirstMessage | SyncFlows.MessageNotes | SyncFlows.FollowUpTasks, demo.Flows);
        Assert.Equal(TagMode.Mirror, MappingOf(demo).TagMode);
        Assert.Equal("contact.plan", MappingOf(demo).CustomFields["plan"].Key);
        Assert.True(demo.NoteOnContactUpdate);
        var mapped = ContactFieldMapper.Map(new MappableContact { CompanyName = "Diaz Bakery", Tags = ["vip"] }, MappingOf(demo));
        Assert.Equal("Diaz Bakery", mapped.StandardFields["name"]);
        Assert.Equal(["roezan:vip"], mapped.TagsToAdd);
        Assert.Equal("Roezan SMS (UK)", mapped.Source);

        var plain = profiles.Find("plain");
        Assert.NotNull(plain);
        Assert.Equal(SyncFlows.All, plain.Flows);
        Assert.Equal("America/New_York", Assert.IsType<FollowUpTaskRule>(plain.FollowUps).Zone.Id);
        Assert.Equal(TagMode.Additive, MappingOf(plain).TagMode);
        Assert.Null(profiles.Find("unknown"));
    }

    [Theory]
    [InlineData("Roezan:Accounts:demo:Preset", "contacts-plus", "Roezan:Accounts:demo:Preset: 'contacts-plus' is not a preset")]
    [InlineData("Roezan:Accounts:demo:Flows:FollowUpTask", "false", "Roezan:Accounts:demo:Flows:FollowUpTask: 'FollowUpTask' is not a flow")]
    [InlineData("Roezan:Accounts:demo:TimeZone", "Mars/Olympus_Mons", "Roezan:Accounts:demo:TimeZone: 'Mars/Olympus_Mons' is not an IANA or Windows time zone id")]
    [InlineData("Roezan:Accounts:demo:Mapping:StandardFields:fax", "phone", "Roezan:Accounts:demo:Mapping:standardFields:fax: 'fax' is not a Roezan standard field")]
    [InlineData("Roezan:Accounts:demo:Mapping:CustomFields:plan:Name", "contact.plan", "Roezan:Accounts:demo:Mapping:CustomFields:plan:Name: is not a custom field setting")]
    [InlineData("Roezan:Accounts:demo:Mapping:TagPrefx", "roezan:", "Roezan:Accounts:demo:Mapping:TagPrefx: is not a mapping setting")]
    [InlineData("Roezan:Accounts:demo:Mapping:TagPrefix", "a,b", "Roezan:Accounts:demo:Mapping:tagPrefix:")]
    // Values the configuration binder cannot convert: it would drop them silently and keep the default.
    [InlineData("Roezan:Accounts:demo:Mapping:TagMode", "Replace", "Roezan:Accounts:demo:Mapping:TagMode: 'Replace' is not a tag mode")]
    [InlineData("Roezan:Accounts:demo:Mapping:TagMode", "1", "Roezan:Accounts:demo:Mapping:TagMode: '1' is not a tag mode")]
    [InlineData("Roezan:Accounts:demo:Mapping:NoteOnContactUpdate", "yes", "Roezan:Accounts:demo:Mapping:NoteOnContactUpdate: 'yes' is not true or false")]
    [InlineData("Roezan:Accounts:demo:Flows:TaskSync", "nope", "Roezan:Accounts:demo:Flows:TaskSync: 'nope' is not true or false")]
    [InlineData("Roezan:Accounts:demo:Locale", "xx-Nowhere", "Roezan:Accounts:demo:Locale: 'xx-Nowhere' is not a culture name")]
    [InlineData("Roezan:Accounts:demo:Mapping:Automations:0:Template", "welcome", "Roezan:Accounts:demo:Mapping:automations:0:template: 'welcome' is not a ready-made template")]
    [InlineData("Roezan:Accounts:demo:Mapping:Automations:0:Timming:After", "5m", "Roezan:Accounts:demo:Mapping:Automations:0:Timming: is not read here")]
    [InlineData("Roezan:Accounts:demo:Mapping:SendingHours:From", "08:00", "Roezan:Accounts:demo:Mapping:SendingHours:From: is not read here")]
    public void A_bad_setting_stops_the_start_with_a_message_naming_it(string key, string value, string expected)
    {
        using var services = Start(new() { ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo", [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_direction_for_a_field_no_roezan_field_feeds_stops_the_start_naming_it()
    {
        using var services = Start(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:Mapping:StandardFields:email"] = "none",
            ["Roezan:Accounts:demo:Mapping:Directions:email"] = "ghl-to-roezan",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Roezan:Accounts:demo:Mapping:directions:email: no Roezan field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Automations_in_settings_are_read_and_checked_entry_by_entry()
    {
        using var services = Start(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:Locale"] = "en-GB",
            ["Roezan:Accounts:demo:Mapping:Automations:0:Template"] = "welcome-new-lead",
            ["Roezan:Accounts:demo:Mapping:Automations:1:Template"] = "appointment-reminder-24h",
            ["Roezan:Accounts:demo:Mapping:Automations:1:Timing:Before"] = "2 h",
            ["Roezan:Accounts:demo:Mapping:Automations:1:Conditions:0:TagPresnt"] = "vip",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Roezan:Accounts:demo:Mapping:automations:1:timing:before: '2 h' is not an offset", error.Message, StringComparison.Ordinal);
        Assert.Contains("Roezan:Accounts:demo:Mapping:Automations:1:Conditions:0:TagPresnt: is not read here", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("automations:0", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_custom_field_with_both_id_and_key_is_named()
    {
        using var services = Start(new()
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:Mapping:CustomFields:plan:Id"] = "abc",
            ["Roezan:Accounts:demo:Mapping:CustomFields:plan:Key"] = "contact.plan",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Roezan:Accounts:demo:Mapping:customFields:plan: set exactly one of id or key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_the_binder_dropped_is_named_rather_than_forgotten()
    {
        using var services = Start(new() { ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo", ["Roezan:Accounts:demo:Mapping:TagMode"] = "Replace" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Roezan:Accounts:demo: could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mapping_file_gives_its_mapping_to_accounts_without_one_in_settings()
    {
        var file = WriteMappingFile("""
            { "accounts": {
                "demo": { "tagPrefix": "file:", "customFields": { "plan": { "id": "abc123" } } },
                "shop": { "tagPrefix": "file:" } } }
            """);
        using var services = Start(new()
        {
            ["Roezan:MappingFile"] = file,
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:shop:GhlLocationId"] = "loc-shop",
            ["Roezan:Accounts:shop:Mapping:TagPrefix"] = "settings:",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var profiles = services.GetRequiredService<AccountPlanningProfiles>();

        Assert.Equal("file:", MappingOf(profiles.Find("demo")!).TagPrefix);
        Assert.Equal("abc123", MappingOf(profiles.Find("demo")!).CustomFields["plan"].Id);
        Assert.Equal("settings:", MappingOf(profiles.Find("shop")!).TagPrefix);
    }

    [Fact]
    public void A_relative_mapping_file_path_is_read_from_the_app_folder()
    {
        var name = $"mapping-{Guid.NewGuid():N}.json";
        var path = Path.Combine(AppContext.BaseDirectory, name);
        File.WriteAllText(path, """{ "accounts": { "demo": { "source": "From file" } } }""");
        try
        {
            using var services = Start(new() { ["Roezan:MappingFile"] = name, ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo" });

            Assert.Equal("From file", MappingOf(services.GetRequiredService<AccountPlanningProfiles>().Find("demo")!).Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("""{ "accounts": { "demo": { "tagMode": "Replace" } } }""", "accounts:demo:tagMode")]
    [InlineData("""{ "accounts": { "demo": { "customFields": { "plan": {} } } } }""", "accounts:demo:customFields:plan: set exactly one of id or key")]
    [InlineData("""{ "accounts": { "other": {} } }""", "accounts:other: names an account that is not configured")]
    [InlineData("""{ "accounts": { "demo": {} """, "Roezan:MappingFile (")]
    public void A_bad_mapping_file_stops_the_start_naming_the_file_and_the_entry(string json, string expected)
    {
        var file = WriteMappingFile(json);
        using var services = Start(new() { ["Roezan:MappingFile"] = file, ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_mapping_file_stops_the_start_naming_it()
    {
        var file = Path.Combine(_folder, "absent.json");
        using var services = Start(new() { ["Roezan:MappingFile"] = file, ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"Roezan:MappingFile ({file}): cannot be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_twice_binds_the_same_values()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Roezan:Accounts:demo:GhlLocationId"] = "loc-demo",
            ["Roezan:Accounts:demo:Mapping:CustomFields:plan:Key"] = "contact.plan",
            ["Roezan:Accounts:demo:Flows:TaskSync"] = "false",
        }).Build();
        using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddRoezanAccounts()
            .AddRoezanAccounts()
            .BuildServiceProvider();
        var validatorsOfOneCall = new ServiceCollection().AddRoezanAccounts().Count(d => d.ServiceType == typeof(IValidateOptions<RoezanOptions>));

        var demo = services.GetRequiredService<IOptions<RoezanOptions>>().Value.Accounts["demo"];

        Assert.Single(demo.Mapping!.CustomFields);
        Assert.Single(demo.Flows);
        Assert.Equal(validatorsOfOneCall, services.GetServices<IValidateOptions<RoezanOptions>>().Count());
    }

    private static AccountMapping MappingOf(PlanningProfile profile) => Assert.IsType<AccountContactFieldMapping>(profile.FieldMapping).Mapping;

    private static ServiceProvider Start(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddRoezanAccounts()
            .BuildServiceProvider();
    }

    private string WriteMappingFile(string json)
    {
        var path = Path.Combine(_folder, "mapping.json");
        File.WriteAllText(path, json);
        return path;
    }
}
