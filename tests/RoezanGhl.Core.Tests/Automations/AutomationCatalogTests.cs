using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Sms;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Core.Tests.Automations;

/// <summary>The ready-made templates: each renders its documented sample (docs/automations.md) and fits its limits.</summary>
public sealed class AutomationCatalogTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "welcome-new-lead", "Hi Ana, thanks for reaching out! We'll text you here shortly. Reply STOP to opt out." },
        { "appointment-confirmation", "Hi Ana, your Consultation is booked for Wednesday, June 10, 2026 at 3:30 PM. Reply STOP to opt out." },
        { "appointment-reminder-24h", "Hi Ana, a reminder of your Consultation on Wednesday, June 10, 2026 at 3:30 PM. Reply STOP to opt out." },
        { "tag-campaign", "Hi Ana, thanks for your interest! Reply here with any questions. Reply STOP to opt out." },
        { "missed-reply", "Hi Ana, just checking you saw our last message. Reply here any time. Reply STOP to opt out." },
        { "keyword-auto-reply", "Thanks for your message, Ana! We'll get back to you shortly. Reply STOP to opt out." },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_ready_made_template_renders_its_sample_in_one_gsm_7_segment(string name, string expected)
    {
        var entry = new AutomationDefinition { Template = name, Trigger = name == AutomationCatalog.TagCampaign ? new() { Tags = ["spring-sale"] } : null };
        Assert.Empty(AutomationValidator.TryResolve([entry], null, out var automations, out _));
        var automation = Assert.Single(automations);

        var result = automation.Message.Render(AutomationPlaceholders.SampleModel(automation.Trigger.Kind), AutomationPlaceholders.SampleSettings);

        Assert.Equal(expected, result.Text);
        Assert.Empty(result.MissingPlaceholders);
        Assert.Equal(new SmsSegmentCount(SmsEncoding.Gsm7, expected.Length, 1), SmsSegmentCounter.Count(result.Text));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_docs_show_each_sample_as_it_renders(string name, string expected)
    {
        var docs = File.ReadAllText(RepositoryRoot.Combine("docs", "automations.md"));

        Assert.Contains($"| `{name}` |", docs, StringComparison.Ordinal);
        Assert.Contains($"| {expected} |", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_name_has_a_sample_and_a_definition()
    {
        Assert.Equal(AutomationCatalog.Names.Order(), Samples.Select(row => (string)row[0]).Order());
        Assert.All(AutomationCatalog.Names, name => Assert.NotNull(AutomationCatalog.Find(name)));
        Assert.Null(AutomationCatalog.Find("welcome"));
    }

    [Fact]
    public void Ready_made_templates_fall_back_when_the_first_name_is_missing()
    {
        Assert.Empty(AutomationValidator.TryResolve([new AutomationDefinition { Template = "welcome-new-lead" }], null, out var automations, out _));
        var model = AutomationPlaceholders.SampleModel(AutomationTriggerKind.ContactCreated) with { Contact = TemplateRig.Ana with { FirstName = null } };

        var result = automations[0].Message.Render(model, AutomationPlaceholders.SampleSettings);

        Assert.StartsWith("Hi there, ", result.Text, StringComparison.Ordinal);
        Assert.Empty(result.MissingPlaceholders);
    }

    [Fact]
    public void Overrides_replace_members_and_keep_the_rest_of_the_template()
    {
        var entry = new AutomationDefinition
        {
            Template = "appointment-reminder-24h",
            Name = "reminder-2h",
            Timing = new() { Before = "2h" },
            Conditions = [new() { TagAbsent = "no-reminders" }],
            MaxSegments = 1,
        };

        Assert.Empty(AutomationValidator.TryResolve([entry], null, out var automations, out _));

        var automation = Assert.Single(automations);
        Assert.Equal("reminder-2h", automation.Name);
        Assert.Equal(AutomationTriggerKind.AppointmentScheduled, automation.Trigger.Kind);
        Assert.Equal("2h before the appointment", automation.Timing.ToString());
        Assert.Equal(1, automation.MaxSegments);
        Assert.Equal(AutomationConditionKind.TagAbsent, automation.Conditions[0].Kind);
        Assert.Contains(automation.Conditions, c => c.Kind == AutomationConditionKind.NotOptedOut);
        Assert.Equal(AutomationCatalog.Find("appointment-reminder-24h")!.Message, automation.Message.Source);
    }

    [Fact]
    public void A_trigger_override_of_tags_keeps_the_event()
    {
        Assert.Empty(AutomationValidator.TryResolve([new AutomationDefinition { Template = "tag-campaign", Trigger = new() { Tags = ["vip", "spring-sale"] } }], null, out var automations, out _));

        Assert.Equal(new AutomationTrigger(AutomationTriggerKind.TagAdded, ["vip", "spring-sale"], []).ToString(), automations[0].Trigger.ToString());
    }

    [Fact]
    public void A_timing_override_with_after_replaces_the_templates_before()
    {
        var entry = new AutomationDefinition { Template = "appointment-confirmation", Name = "thanks-later", Timing = new() { After = "1h" } };

        Assert.Empty(AutomationValidator.TryResolve([entry], null, out var automations, out _));
        Assert.Equal("1h after the trigger", automations[0].Timing.ToString());
    }
}
