using Microsoft.Extensions.Options;
using NodaTime;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Automations;
using RoezanGhl.Core.Automations.Timing;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sms;
using RoezanGhl.Engine.Automations;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The Presets and SMS templates screen's service: an account's preset, flows, sending hours and automations as the
/// screen shows them; the live preview of one automation's text for the sample contact (<see cref="SmsPlanPreviewer"/>,
/// after the checks start-up runs on automations); and the save, a new configuration version through
/// <see cref="AccountConfigurations.SaveAsync"/> (the start validators, the version's ETag), in force for the next
/// event without a restart (<see cref="VersionedPlanningProfiles"/> gives it to <see cref="AutomationAccounts"/>).
/// </summary>
public sealed class AutomationTemplates(AccountConfigurations configurations, SmsPlanPreviewer previewer, IOptions<RoezanOptions> options)
{
    public const string SampleDescription = "Sample: Ana Diaz, +1 201-555-0123, ana@example.com (fictional), tagged lead, custom field plan = gold; an appointment \"Consultation\" three days ahead at 15:30 local time; the event happens now.";

    public async Task<AutomationSettingsView> GetAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = await configurations.GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        var configuration = current.Configuration;
        var problems = FlowPresets.TryResolve(configuration.Preset, configuration.Flows, out var flows);
        var preset = problems.Count == 0 ? FlowPresets.Resolve(configuration.Preset) : SyncFlows.None;
        var switches = FlowPresets.SingleFlows.Select(flow => new FlowSwitch(flow.ToString(), flows.HasFlag(flow), flows.HasFlag(flow) != preset.HasFlag(flow))).ToList();
        var hours = configuration.Mapping.SendingHours;
        return new AutomationSettingsView(
            current.AccountId,
            current.ETag,
            current.Source,
            string.IsNullOrWhiteSpace(configuration.Preset) ? FlowPresets.Default : configuration.Preset,
            switches,
            string.IsNullOrWhiteSpace(hours?.Start) ? AutomationSettingsEditor.DefaultStart : hours.Start,
            string.IsNullOrWhiteSpace(hours?.End) ? AutomationSettingsEditor.DefaultEnd : hours.End,
            AutomationSettingsEditor.Rows(configuration));
    }

    /// <summary>
    /// What row <paramref name="row"/> of <paramref name="edit"/> would send for the sample contact, switched on or not:
    /// the automation checks' problems with the draft (paths by row, <c>Automations:2:message</c>), or the text and its figures.
    /// </summary>
    public async Task<AutomationTemplatePreview> PreviewAsync(string accountId, AutomationSettingsEdit edit, int row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        if (row < 0 || row >= edit.Automations.Count)
        {
            return new AutomationTemplatePreview([new ConfigurationProblem("Automations", $"has no row {row}.")]);
        }

        var current = await configurations.GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        edit.Automations[row].Enabled = true; // the preview shows what the text would be once switched on
        var (candidate, entries) = AutomationSettingsEditor.Apply(current.Configuration, edit);
        var account = candidate.ApplyTo(ConsoleAccounts.Find(options.Value, current.AccountId).Account);
        if (!AccountAutomations.TryBuild(current.AccountId, account, out var automations, out var problems))
        {
            return new AutomationTemplatePreview(AutomationSettingsEditor.ByRow(problems, entries));
        }

        var name = automations.Automations.Count > 0 && entries[row] is { } entry ? NameOf(candidate.Mapping.Automations[entry]!) : null;
        if (name is null || previewer.PreviewSample(automations, name) is not { } decision)
        {
            return new AutomationTemplatePreview([], NotPlanned: "the sample does not trigger this automation.", Sample: SampleDescription);
        }

        if (decision.Send is not { } send)
        {
            return new AutomationTemplatePreview([], NotPlanned: decision.SkipReason, Sample: SampleDescription);
        }

        var segments = send.Segments;
        return new AutomationTemplatePreview(
            [],
            send.Body,
            segments.Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2",
            segments.Units,
            segments.Segments,
            automations.Find(name)!.MaxSegments,
            SmsSegmentCounter.RoomLeft(segments),
            send.SendAt,
            SendScheduler.Describe(Instant.FromDateTimeOffset(send.SendAt), automations.Zone),
            send.ShiftedBySendingHours,
            send.MissingPlaceholders,
            null,
            SampleDescription);
    }

    /// <summary>Saves the edit over the version <paramref name="basedOn"/> as the next version when the start validators accept it (problems by row otherwise).</summary>
    public async Task<ConfigurationSaveResult> SaveAsync(string accountId, int basedOn, AutomationSettingsEdit edit, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var current = await configurations.GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        var (candidate, entries) = AutomationSettingsEditor.Apply(current.Configuration, edit);
        var result = await configurations.SaveAsync(current.AccountId, basedOn, candidate, actor, "presets and SMS templates", cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result : result with { Problems = AutomationSettingsEditor.ByRow(result.Problems, entries) };
    }

    private static string? NameOf(AutomationDefinition entry) => entry.Name?.Trim() ?? AutomationCatalog.Find(entry.Template)?.Name;
}
