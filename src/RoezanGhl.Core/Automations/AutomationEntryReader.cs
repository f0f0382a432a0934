using System.Text.RegularExpressions;
using NodaTime;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Automations.Templates;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Sms;

namespace RoezanGhl.Core.Automations;

/// <summary>Reads the parts of one (merged) automation entry, adding a problem under <c>path</c> for each bad member.</summary>
internal sealed partial class AutomationEntryReader(string path, List<ConfigurationProblem> problems)
{
    public const int MaxTagLength = 100;
    public const int MaxListLength = 20;

    public AutomationTrigger? Trigger(AutomationTriggerDefinition? trigger)
    {
        if (trigger is null)
        {
            Add("trigger", "is required: an object with an event.");
            return null;
        }

        if (!AutomationTriggerKinds.TryParse(trigger.Event, out var kind))
        {
            Add("trigger:event", $"'{trigger.Event}' is not a trigger; use one of {string.Join(", ", AutomationTriggerKinds.Names)}.");
            return null;
        }

        var tags = Words(trigger.Tags, "trigger:tags", kind == AutomationTriggerKind.TagAdded, kind, Tag);
        var keywords = Words(trigger.Keywords, "trigger:keywords", kind == AutomationTriggerKind.InboundKeyword, kind, Keyword);
        return new AutomationTrigger(kind, tags, keywords);
    }

    public List<AutomationCondition> Conditions(List<AutomationConditionDefinition>? conditions)
    {
        var result = new List<AutomationCondition>();
        for (var i = 0; i < (conditions?.Count ?? 0); i++)
        {
            var at = $"conditions:{i}";
            var c = conditions![i];
            var kinds = c is null ? 0 : new object?[] { c.TagPresent, c.TagAbsent, c.CustomField, c.HasPhone, c.NotOptedOut }.Count(v => v is not null);
            if (c is null || kinds != 1)
            {
                Add(at, "must set exactly one of tagPresent, tagAbsent, customField (with value), hasPhone, notOptedOut.");
            }
            else if (c.TagPresent is not null || c.TagAbsent is not null)
            {
                var tag = (c.TagPresent ?? c.TagAbsent)!;
                if (Tag(tag) is { } problem)
                {
                    Add($"{at}:{(c.TagPresent is null ? "tagAbsent" : "tagPresent")}", problem);
                }

                result.Add(new(c.TagPresent is null ? AutomationConditionKind.TagAbsent : AutomationConditionKind.TagPresent, tag.Trim()));
            }
            else if (c.CustomField is not null)
            {
                if (string.IsNullOrWhiteSpace(c.CustomField) || c.CustomField.Length > AccountMappingValidator.MaxCustomFieldNameLength)
                {
                    Add($"{at}:customField", $"must be a custom field name of 1 to {AccountMappingValidator.MaxCustomFieldNameLength} characters.");
                }

                if (c.Value is null)
                {
                    Add($"{at}:value", "is required with customField: the value the field must equal.");
                }

                result.Add(new(AutomationConditionKind.CustomFieldEquals, c.CustomField.Trim(), c.Value));
                continue;
            }
            else
            {
                var (name, value) = c.HasPhone is not null ? ("hasPhone", c.HasPhone.Value) : ("notOptedOut", c.NotOptedOut!.Value);
                if (!value)
                {
                    Add($"{at}:{name}", "can only be true: no automation texts a contact without a phone or one who opted out.");
                }
            }

            if (c is not null && c.Value is not null)
            {
                Add($"{at}:value", "goes only with customField.");
            }
        }

        // A phone and consent are checked for every send, listed or not.
        result.AddRange(AutomationCondition.Always);
        return result;
    }

    public AutomationTiming? Timing(AutomationTimingDefinition? timing, AutomationTriggerKind? trigger)
    {
        timing ??= new AutomationTimingDefinition();
        var grace = AutomationTiming.DefaultGrace;
        if (timing.Grace is not null)
        {
            grace = Offset(timing.Grace, "timing:grace") is { } g ? Duration.FromDays(g.Days) + g.Elapsed : grace;
        }

        if (timing.After is not null && timing.Before is not null)
        {
            Add("timing", "set after or before, not both.");
            return null;
        }

        if (timing.Before is not null)
        {
            if (trigger is { } kind && (!AutomationTriggerKinds.CarriesAppointment(kind) || kind == AutomationTriggerKind.AppointmentCancelled))
            {
                Add("timing:before", $"only appointmentCreated, appointmentScheduled and appointmentUpdated carry an appointment to be before; {AutomationTriggerKinds.NameOf(kind)} does not.");
            }

            return Offset(timing.Before, "timing:before") is { } before ? new AutomationTiming(AutomationTimingKind.BeforeAppointment, before, grace) : null;
        }

        if (timing.After is not null)
        {
            return Offset(timing.After, "timing:after") is { } after ? new AutomationTiming(AutomationTimingKind.AfterTrigger, after, grace) : null;
        }

        if (trigger == AutomationTriggerKind.NoReply)
        {
            Add("timing:after", "is required for noReply: how long to wait for a reply (for example 4h).");
        }

        return AutomationTiming.Now with { Grace = grace };
    }

    public int MaxSegments(int? maxSegments)
    {
        if (maxSegments is { } max && (max < 1 || max > Automation.MaxSegmentsLimit))
        {
            Add("maxSegments", $"must be 1 to {Automation.MaxSegmentsLimit}.");
        }

        return maxSegments ?? Automation.DefaultMaxSegments;
    }

    /// <summary>Parses the message and renders it with the trigger's sample: unknown placeholders and a sample over the limit are problems.</summary>
    public SmsTemplate? Message(string? message, AutomationTriggerKind? trigger, int maxSegments)
    {
        if (!SmsTemplate.TryParse(message, out var template, out var error))
        {
            Add("message", error);
            return null;
        }

        if (trigger is not { } kind)
        {
            return template;
        }

        var sample = template.Render(AutomationPlaceholders.SampleModel(kind), AutomationPlaceholders.SampleSettings);
        if (!sample.Succeeded)
        {
            Add("message", sample.Failure!);
            return template;
        }

        foreach (var unknown in sample.MissingPlaceholders.Where(p => !p.StartsWith("contact.customFields.", StringComparison.OrdinalIgnoreCase)))
        {
            Add("message", $"'{unknown}' is not a placeholder of {AutomationTriggerKinds.NameOf(kind)}; use {string.Join(", ", AutomationPlaceholders.For(kind))}.");
        }

        var segments = SmsSegmentCounter.Count(sample.Text);
        if (segments.Segments > maxSegments)
        {
            Add("message", $"renders to {segments} with the sample contact, over maxSegments {maxSegments}.");
        }

        return template;
    }

    private List<string> Words(List<string>? words, string at, bool wanted, AutomationTriggerKind kind, Func<string, string?> check)
    {
        if (!wanted)
        {
            if (words is { Count: > 0 })
            {
                Add(at, $"is not read by {AutomationTriggerKinds.NameOf(kind)}.");
            }

            return [];
        }

        if (words is null || words.Count == 0 || words.Count > MaxListLength)
        {
            Add(at, $"{AutomationTriggerKinds.NameOf(kind)} needs 1 to {MaxListLength} entries.");
            return [];
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (check(words[i]) is { } problem)
            {
                Add($"{at}:{i}", problem);
            }
        }

        return words.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static string? Tag(string? tag) =>
        string.IsNullOrWhiteSpace(tag) || tag.Length > MaxTagLength || tag.Contains(',', StringComparison.Ordinal)
            ? $"'{tag}' is not a tag: 1 to {MaxTagLength} characters, no comma."
            : null;

    private static string? Keyword(string? keyword)
    {
        if (keyword is null || !KeywordSyntax().IsMatch(keyword))
        {
            return $"'{keyword}' is not a keyword: 1 to 40 letters or digits, words separated by single spaces.";
        }

        // An auto-reply to an opt-out word would text someone who just said stop.
        return OptOutKeywords.IsOptOutWord(keyword)
            ? $"'{keyword}' is an opt-out word: a STOP reply opts the contact out and is never answered by an automation."
            : null;
    }

    private TimingOffset? Offset(string text, string at)
    {
        if (TimingOffset.TryParse(text, out var offset))
        {
            return offset;
        }

        Add(at, $"'{text}' is not an offset like 24h, 90m, 1d or 1d2h30m (at most 90 days).");
        return null;
    }

    private void Add(string member, string message) => problems.Add(new ConfigurationProblem($"{path}:{member}", message));

    [GeneratedRegex(@"^(?=.{1,40}$)[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeywordSyntax();
}
