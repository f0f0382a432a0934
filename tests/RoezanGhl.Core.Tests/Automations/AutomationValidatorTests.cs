using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>Every bad automation entry is refused at start with a message naming it.</summary>
public sealed class AutomationValidatorTests
{
    public static TheoryData<string, AutomationDefinition, string> BadEntries => new()
    {
        { "unknown template", new() { Template = "welcome" }, "automations:0:template: 'welcome' is not a ready-made template; use one of welcome-new-lead" },
        { "no name", new() { Trigger = new() { Event = "contactCreated" }, Message = "Hi" }, "automations:0:name: is required" },
        { "bad name", new() { Name = "my automation", Trigger = new() { Event = "contactCreated" }, Message = "Hi" }, "automations:0:name: 'my automation' is not a name" },
        { "no trigger", new() { Name = "a", Message = "Hi" }, "automations:0:trigger: is required" },
        { "unknown event", new() { Name = "a", Trigger = new() { Event = "tagRemoved" }, Message = "Hi" }, "automations:0:trigger:event: 'tagRemoved' is not a trigger; use one of contactCreated, tagAdded" },
        { "tag campaign without tags", Entry("tag-campaign"), "automations:0:trigger:tags: tagAdded needs 1 to 20 entries" },
        { "tag with comma", Entry("tag-campaign", trigger: new() { Tags = ["a,b"] }), "automations:0:trigger:tags:0: 'a,b' is not a tag" },
        { "tags on the wrong trigger", Entry("welcome-new-lead", trigger: new() { Tags = ["vip"] }), "automations:0:trigger:tags: is not read by contactCreated" },
        { "opt-out keyword", Entry("keyword-auto-reply", trigger: new() { Keywords = ["INFO", "stop"] }), "automations:0:trigger:keywords:1: 'stop' is an opt-out word" },
        { "keyword with punctuation", Entry("keyword-auto-reply", trigger: new() { Keywords = ["info!"] }), "automations:0:trigger:keywords:0: 'info!' is not a keyword" },
        { "two condition kinds", Entry("welcome-new-lead", conditions: [new() { TagPresent = "vip", TagAbsent = "x" }]), "automations:0:conditions:0: must set exactly one of" },
        { "empty condition", Entry("welcome-new-lead", conditions: [new()]), "automations:0:conditions:0: must set exactly one of" },
        { "custom field without value", Entry("welcome-new-lead", conditions: [new() { CustomField = "plan" }]), "automations:0:conditions:0:value: is required with customField" },
        { "value without custom field", Entry("welcome-new-lead", conditions: [new() { TagPresent = "vip", Value = "x" }]), "automations:0:conditions:0:value: goes only with customField" },
        { "hasPhone false", Entry("welcome-new-lead", conditions: [new() { HasPhone = false }]), "automations:0:conditions:0:hasPhone: can only be true" },
        { "notOptedOut false", Entry("welcome-new-lead", conditions: [new() { NotOptedOut = false }]), "automations:0:conditions:0:notOptedOut: can only be true" },
        { "bad before", Entry("appointment-reminder-24h", timing: new() { Before = "24 hours" }), "automations:0:timing:before: '24 hours' is not an offset like 24h" },
        { "before on a contact trigger", Entry("welcome-new-lead", timing: new() { Before = "2h" }), "automations:0:timing:before: only appointmentCreated, appointmentScheduled and appointmentUpdated carry an appointment" },
        { "before and after", Entry("welcome-new-lead", timing: new() { Before = "2h", After = "1h" }), "automations:0:timing: set after or before, not both" },
        { "bad after", Entry("welcome-new-lead", timing: new() { After = "100d" }), "automations:0:timing:after: '100d' is not an offset" },
        { "bad grace", Entry("welcome-new-lead", timing: new() { Grace = "soon" }), "automations:0:timing:grace: 'soon' is not an offset" },
        { "no reply without a wait", new() { Name = "nudge", Trigger = new() { Event = "noReply" }, Message = "Hi" }, "automations:0:timing:after: is required for noReply" },
        { "max segments zero", Entry("welcome-new-lead", maxSegments: 0), "automations:0:maxSegments: must be 1 to 10" },
        { "max segments eleven", Entry("welcome-new-lead", maxSegments: 11), "automations:0:maxSegments: must be 1 to 10" },
        { "no message", new() { Name = "a", Trigger = new() { Event = "contactCreated" } }, "automations:0:message: is empty" },
        { "liquid syntax error", Entry("welcome-new-lead", message: "Hi {{ contact.firstName "), "automations:0:message: is not a valid Liquid template" },
        { "misspelt placeholder", Entry("welcome-new-lead", message: "Hi {{ contact.fristName }}"), "automations:0:message: 'contact.fristName' is not a placeholder of contactCreated; use contact.firstName" },
        { "placeholder of another trigger", Entry("welcome-new-lead", message: "See you {{ appointment.startTime | time }}"), "automations:0:message: 'appointment' is not a placeholder of contactCreated" },
        { "include", Entry("welcome-new-lead", message: "{% include 'other' %}"), "automations:0:message: the template could not be rendered" },
        { "bad date format", Entry("appointment-confirmation", message: "{{ appointment.startTime | date: 'yyyy-MM-dd %' }}x{{ appointment.startTime | time: '%' }}"), "automations:0:message: the template could not be rendered" },
        { "too many segments", Entry("welcome-new-lead", message: new string('a', 200), maxSegments: 1), "automations:0:message: renders to 2 segments (Gsm7, 200 septets) with the sample contact, over maxSegments 1" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void A_bad_entry_is_named_with_what_is_wrong(string what, AutomationDefinition entry, string expected)
    {
        var problems = AutomationValidator.Validate([entry], null);

        Assert.True(problems.Any(p => p.ToString().StartsWith(expected, StringComparison.Ordinal)), $"{what}: {string.Join(" | ", problems)}");
    }

    [Fact]
    public void Each_entry_is_named_by_its_index()
    {
        var problems = AutomationValidator.Validate([Entry("welcome-new-lead"), Entry("appointment-reminder-24h"), Entry("appointment-reminder-24h", name: "reminder-2h", timing: new() { Before = "2 h" })], null);

        Assert.Equal("automations:2:timing:before", Assert.Single(problems).Path);
    }

    [Fact]
    public void Two_entries_with_one_name_are_refused_whatever_the_case()
    {
        var problems = AutomationValidator.Validate([Entry("welcome-new-lead"), Entry("welcome-new-lead", name: "Welcome-New-Lead")], null);

        Assert.Equal("automations:1:name: 'Welcome-New-Lead' is already the name of automations:0; names are unique in an account (they are part of every send id).", Assert.Single(problems).ToString());
    }

    [Fact]
    public void A_null_entry_is_named()
    {
        var problems = AutomationValidator.Validate([Entry("welcome-new-lead"), null], null);

        Assert.Equal("automations:1: must be an automation object.", Assert.Single(problems).ToString());
    }

    [Theory]
    [InlineData("8:00", "21:00", "sendingHours:start: '8:00' is not a time like 08:00")]
    [InlineData("08:00", "25:00", "sendingHours:end: '25:00' is not a time like 21:00")]
    [InlineData("24:00", "08:00", "sendingHours:start: '24:00' is not a time")]
    [InlineData("08:00", "08:00", "sendingHours: start and end are the same minute")]
    [InlineData(null, "21:00", "sendingHours:start: '' is not a time")]
    public void Bad_sending_hours_are_named(string? start, string end, string expected)
    {
        var problems = AutomationValidator.Validate([], new SendingHoursDefinition { Start = start, End = end });

        Assert.StartsWith(expected, Assert.Single(problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_disabled_entry_is_checked_but_not_planned()
    {
        var problems = AutomationValidator.TryResolve([Entry("welcome-new-lead"), new AutomationDefinition { Template = "missed-reply", Enabled = false }], null, out var automations, out _);

        Assert.Empty(problems);
        Assert.Equal(["welcome-new-lead"], automations.Select(a => a.Name));
    }

    [Fact]
    public void The_mapping_validator_reports_automation_problems_too()
    {
        var problems = AccountMappingValidator.Validate(new AccountMapping { Automations = [Entry("nope")] });

        Assert.Equal("automations:0:template", Assert.Single(problems).Path);
    }

    [Fact]
    public void Account_options_with_a_bad_locale_are_refused_naming_it()
    {
        var options = new Core.Accounts.RoezanAccountOptions { GhlLocationId = "loc", Locale = "xx-Nowhere" };

        Assert.False(AccountAutomations.TryBuild("acme", options, out _, out var problems));
        Assert.Equal("Locale", Assert.Single(problems).Path);
    }

    [Fact]
    public void Custom_field_placeholders_are_open_ended() =>
        Assert.Empty(AutomationValidator.Validate([Entry("welcome-new-lead", message: "Your {{ contact.customFields.anything }} plan")], null));

    internal static AutomationDefinition Entry(
        string template,
        string? name = null,
        AutomationTriggerDefinition? trigger = null,
        List<AutomationConditionDefinition>? conditions = null,
        AutomationTimingDefinition? timing = null,
        string? message = null,
        int? maxSegments = null) =>
        new() { Template = template, Name = name, Trigger = trigger, Conditions = conditions, Timing = timing, Message = message, MaxSegments = maxSegments };
}
