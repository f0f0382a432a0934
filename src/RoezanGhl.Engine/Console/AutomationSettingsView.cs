namespace RoezanGhl.Engine.Console;

/// <summary>
/// What the Presets and SMS templates screen shows of an account: the configuration in force (its version's entity
/// tag, which a save must name), the preset, each flow's switch, the sending hours and the automations.
/// </summary>
public sealed record AutomationSettingsView(
    string AccountId,
    string ETag,
    string Source,
    string Preset,
    IReadOnlyList<FlowSwitch> Flows,
    string SendingHoursStart,
    string SendingHoursEnd,
    IReadOnlyList<AutomationRowView> Automations);
