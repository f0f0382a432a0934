namespace RoezanGhl.Engine.Console;

/// <summary>
/// One automation as the Presets and SMS templates screen shows it: the entry's values with the ready-made template's
/// filled in where the entry does not override them. <see cref="Entry"/> is null for a ready-made template the account
/// does not list (shown switched off).
/// </summary>
public sealed record AutomationRowView(
    int? Entry,
    string Name,
    string? Template,
    string Trigger,
    bool Enabled,
    string Message,
    string? After,
    string? Before,
    int MaxSegments,
    IReadOnlyList<string>? Tags,
    IReadOnlyList<string>? Keywords,
    bool CarriesAppointment,
    IReadOnlyList<string> Placeholders);
