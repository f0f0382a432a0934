using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Console;

namespace RoezanGhl.Engine.Tests.Console;

/// <summary>The Presets and SMS templates screen's rows, and the configuration an edit of them makes.</summary>
public sealed class AutomationSettingsEditorTests
{
    private static AccountConfiguration Configuration(params AutomationDefinition[] automations) =>
        new() { Preset = FlowPresets.ContactsOnly, Mapping = new AccountMapping { TagPrefix = "sms-", Automations = [.. automations] } };

    private static AutomationSettingsEdit EditOf(AccountConfiguration configuration, Action<List<AutomationRowEdit>> change)
    {
        var rows = AutomationSettingsEditor.Rows(configuration).Select(row => new AutomationRowEdit
        {
            Entry = row.Entry,
            Template = row.Template,
            Enabled = row.Enabled,
            Message = row.Message,
            After = row.After,
            Before = row.Before,
            MaxSegments = row.MaxSegments,
            Tags = row.Tags?.ToList(),
            Keywords = row.Keywords?.ToList(),
        }).ToList();
        change(rows);
        return new AutomationSettingsEdit { Preset = configuration.Preset, Automations = rows };
    }

    [Fact]
    public void The_rows_are_the_accounts_entries_with_their_template_filled_in_then_every_template_not_listed_switched_off()
    {
        var configuration = Configuration(new AutomationDefinition { Template = AutomationCatalog.AppointmentReminder24h, Name = "reminder-2h", Timing = new() { Before = "2h" } });

        var rows = AutomationSettingsEditor.Rows(configuration);

        Assert.Equal(("reminder-2h", 0, true, "2h"), (rows[0].Name, rows[0].Entry, rows[0].Enabled, rows[0].Before));
        Assert.Equal(AutomationCatalog.Find(AutomationCatalog.AppointmentReminder24h)!.Message, rows[0].Message);
        Assert.True(rows[0].CarriesAppointment);
        Assert.Equal(AutomationCatalog.Names.Where(name => name != AutomationCatalog.AppointmentReminder24h), rows.Skip(1).Select(row => row.Template));
        Assert.All(rows.Skip(1), row => Assert.Equal((null, false), (row.Entry, row.Enabled)));
    }

    [Fact]
    public void Switching_on_an_unlisted_template_lists_it_with_only_what_was_changed_and_leaves_the_rest_of_the_configuration()
    {
        var configuration = Configuration();
        var edit = EditOf(configuration, rows =>
        {
            rows[0].Enabled = true; // welcome-new-lead, as the template has it
            var campaign = rows.Single(row => row.Template == AutomationCatalog.TagCampaign);
            campaign.Enabled = true;
            campaign.Tags = ["spring-sale"];
            campaign.Message = "Spring sale! Reply STOP to opt out.";
        });

        var (candidate, entries) = AutomationSettingsEditor.Apply(configuration, edit);

        var welcome = candidate.Mapping.Automations[0]!;
        Assert.Equal((AutomationCatalog.WelcomeNewLead, true, null, null, null, null), (welcome.Template, welcome.Enabled, welcome.Message, welcome.Timing, welcome.MaxSegments, welcome.Trigger));
        var campaign = candidate.Mapping.Automations[1]!;
        Assert.Equal(("Spring sale! Reply STOP to opt out.", "spring-sale"), (campaign.Message, Assert.Single(campaign.Trigger!.Tags!)));
        Assert.Equal([0, null, null, 1, null, null], entries);
        Assert.Equal("sms-", candidate.Mapping.TagPrefix);
        Assert.Empty(configuration.Mapping.Automations); // the configuration in force is not touched
        Assert.Empty(AutomationValidator.Validate(candidate.Mapping.Automations, null));
    }

    [Fact]
    public void Switching_an_entry_off_keeps_it_with_its_name_and_conditions()
    {
        var configuration = Configuration(new AutomationDefinition
        {
            Template = AutomationCatalog.WelcomeNewLead,
            Name = "hello",
            Conditions = [new AutomationConditionDefinition { TagAbsent = "customer" }],
            Message = "Hello {{ contact.firstName }}! Reply STOP to opt out.",
        });

        var (candidate, _) = AutomationSettingsEditor.Apply(configuration, EditOf(configuration, rows => rows[0].Enabled = false));

        var entry = Assert.Single(candidate.Mapping.Automations)!;
        Assert.Equal(("hello", false, "customer", "Hello {{ contact.firstName }}! Reply STOP to opt out."), (entry.Name, entry.Enabled, entry.Conditions![0].TagAbsent, entry.Message));
    }

    [Fact]
    public void A_flow_switched_as_the_preset_has_it_is_no_override_and_one_switched_otherwise_is()
    {
        var configuration = Configuration();
        var edit = EditOf(configuration, _ => { });
        edit.Flows = new(StringComparer.OrdinalIgnoreCase) { ["ContactCreated"] = true, ["MessageNotes"] = true };

        var (candidate, _) = AutomationSettingsEditor.Apply(configuration, edit);

        Assert.Equal(["MessageNotes"], candidate.Flows.Keys);
    }

    [Fact]
    public void The_default_preset_and_sending_hours_the_screen_shows_stay_unset_when_saved_unchanged()
    {
        var configuration = new AccountConfiguration();
        var edit = EditOf(configuration, _ => { });
        edit.Preset = FlowPresets.Default;
        edit.SendingHours = new SendingHoursDefinition { Start = AutomationSettingsEditor.DefaultStart, End = AutomationSettingsEditor.DefaultEnd };
        Assert.True(SendingHours.TryParse(edit.SendingHours.Start, edit.SendingHours.End, out var shown));

        var (candidate, _) = AutomationSettingsEditor.Apply(configuration, edit);

        Assert.Equal((SendingHours.Default.Start, SendingHours.Default.End), (shown.Start, shown.End));
        Assert.Equal((null, null), (candidate.Preset, candidate.Mapping.SendingHours));
    }

    [Fact]
    public void A_problem_of_an_entry_is_given_the_row_it_is_shown_in()
    {
        var problems = AutomationSettingsEditor.ByRow(
            [new ConfigurationProblem("Mapping:automations:1:message", "bad"), new ConfigurationProblem("Mapping:tagPrefix", "other"), new ConfigurationProblem("Mapping:automations:7", "gone")],
            [null, null, 1]);

        Assert.Equal(["Automations:2:message", "Mapping:tagPrefix", "Mapping:automations:7"], problems.Select(problem => problem.Path));
    }
}
