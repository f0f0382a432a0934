using System.Text.Json;
using Json.Schema;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Mapping;

namespace RoezanGhl.Engine.Tests.Mapping;

/// <summary>
/// The JSON Schema shipped for the mapping file and the validator the app runs at start must say the
/// same of every sample: Samples/valid/*.json pass both, Samples/invalid/*.json fail both.
/// </summary>
public sealed class AccountMappingSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, AccountMappingFile.SchemaPath))));

    public static TheoryData<string> ValidSamples => Samples("valid");

    public static TheoryData<string> InvalidSamples => Samples("invalid");

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void A_valid_sample_passes_the_schema_and_the_validator(string sample)
    {
        var json = File.ReadAllText(sample);

        Assert.True(SchemaAccepts(json), $"schema rejects {Path.GetFileName(sample)}");
        Assert.Empty(AccountMappingFile.Read(json).Problems);
    }

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void An_invalid_sample_fails_the_schema_and_the_validator(string sample)
    {
        var json = File.ReadAllText(sample);

        Assert.False(SchemaAccepts(json), $"schema accepts {Path.GetFileName(sample)}");
        Assert.NotEmpty(AccountMappingFile.Read(json).Problems);
    }

    [Fact]
    public void There_are_samples_on_both_sides()
    {
        Assert.True(ValidSamples.Count >= 5);
        Assert.True(InvalidSamples.Count >= 20);
    }

    [Theory]
    [InlineData("custom-field-with-id-and-key", "accounts:demo:customFields:plan")]
    [InlineData("unknown-ghl-field", "accounts:demo:standardFields:firstName")]
    [InlineData("tag-prefix-with-comma", "accounts:demo:tagPrefix")]
    [InlineData("misspelt-mapping-property", "accounts:demo:tagPrefx")]
    [InlineData("unknown-tag-mode", "accounts:demo:tagMode")]
    [InlineData("direction-unknown-value", "accounts:demo:directions:email: must be both, roezan-to-ghl, ghl-to-roezan")]
    [InlineData("direction-for-a-one-way-field", "accounts:demo:directions:companyName: 'companyName' has no direction")]
    [InlineData("boolean-as-string", "accounts:demo:noteOnContactUpdate")]
    [InlineData("account-id-with-space", "accounts:demo account")]
    [InlineData("automation-unknown-trigger", "accounts:demo:automations:0:trigger:event: 'tagRemoved' is not a trigger")]
    [InlineData("automation-bad-offset", "accounts:demo:automations:1:timing:before: '24 hours' is not an offset")]
    [InlineData("automation-misspelt-property", "accounts:demo:automations:0:timming")]
    [InlineData("automation-condition-two-kinds", "accounts:demo:automations:0:conditions:0: must set exactly one of")]
    [InlineData("automation-unknown-template", "accounts:demo:automations:0:template: 'welcome' is not a ready-made template")]
    [InlineData("automation-before-and-after", "accounts:demo:automations:0:timing: set after or before, not both")]
    [InlineData("automation-max-segments-zero", "accounts:demo:automations:0:maxSegments: must be 1 to 10")]
    [InlineData("automation-without-message", "accounts:demo:automations:0:message: is empty")]
    [InlineData("automation-has-phone-false", "accounts:demo:automations:0:conditions:0:hasPhone: can only be true")]
    [InlineData("sending-hours-bad-time", "accounts:demo:sendingHours:start: '8:00' is not a time like 08:00")]
    public void The_validator_names_the_bad_entry(string sample, string entry)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mapping", "Samples", "invalid", sample + ".json"));

        var problems = AccountMappingFile.Read(json).Problems;

        Assert.Contains(problems, p => p.ToString().Contains(entry, StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_a_problem_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "mapping.json");

        var contents = AccountMappingFile.Load(path);

        Assert.Empty(contents.Accounts);
        Assert.Contains(contents.Problems, p => p.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_file_gives_each_account_its_mapping()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mapping", "Samples", "valid", "full.json"));

        var mapping = Assert.Single(AccountMappingFile.Read(json).Accounts).Value;

        Assert.Equal("companyName", mapping.StandardFields["name"]);
        Assert.Equal("contact.plan", mapping.CustomFields["plan"].Key);
        Assert.Equal("6dvNaf7VhkQ9snc5vnjJ", mapping.CustomFields["loyalty_tier"].Id);
        Assert.Equal("roezan:", mapping.TagPrefix);
        Assert.Equal(TagMode.Mirror, mapping.TagMode);
        Assert.True(mapping.NoteOnContactUpdate);
    }

    [Fact]
    public void A_valid_file_gives_each_account_its_automations_and_sending_hours()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mapping", "Samples", "valid", "automations.json"));

        var mapping = Assert.Single(AccountMappingFile.Read(json).Accounts).Value;

        Assert.Empty(AutomationValidator.TryResolve(mapping.Automations, mapping.SendingHours, out var automations, out var hours));
        Assert.Equal(["welcome-new-lead", "appointment-confirmation", "appointment-reminder-24h", "reminder-2h", "tag-campaign", "keyword-auto-reply", "task-heads-up"], automations.Select(a => a.Name));
        Assert.Equal("09:00–20:00", hours.ToString());
        Assert.Equal("2h before the appointment", automations[3].Timing.ToString());
        Assert.Equal(["HOURS", "opening hours"], automations[5].Trigger.Keywords);
    }

    private static bool SchemaAccepts(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;
        }
    }

    private static TheoryData<string> Samples(string kind)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Mapping", "Samples", kind), "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }
}
