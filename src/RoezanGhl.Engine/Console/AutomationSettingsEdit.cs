using RoezanGhl.Core.Automations;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// What the Presets and SMS templates screen sends to preview or save: the preset, each flow's switch, the sending
/// hours and the rows (<see cref="AutomationRowEdit"/>). The rest of the configuration (the field mapping) is taken
/// from the version in force, so this screen cannot undo a mapping saved from the other.
/// </summary>
public sealed class AutomationSettingsEdit
{
    public string? Preset { get; set; }

    /// <summary>Flow name → on or off, as switched; a state equal to the preset's is not written as an override.</summary>
    public Dictionary<string, bool> Flows { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public SendingHoursDefinition? SendingHours { get; set; }

    public List<AutomationRowEdit> Automations { get; set; } = [];
}
