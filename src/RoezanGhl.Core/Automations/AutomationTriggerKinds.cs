namespace RoezanGhl.Core.Automations;

/// <summary>The <c>trigger.event</c> names of <see cref="AutomationTriggerKind"/>, as written in configuration.</summary>
public static class AutomationTriggerKinds
{
    private static readonly Dictionary<string, AutomationTriggerKind> ByName = Enum.GetValues<AutomationTriggerKind>()
        .ToDictionary(NameOf, kind => kind, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every name, camelCase: contactCreated, tagAdded, ….</summary>
    public static IReadOnlyList<string> Names { get; } = Enum.GetValues<AutomationTriggerKind>().Select(NameOf).ToArray();

    public static string NameOf(AutomationTriggerKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static bool TryParse(string? name, out AutomationTriggerKind kind) => ByName.TryGetValue(name?.Trim() ?? string.Empty, out kind);

    /// <summary>The triggers that carry an appointment (and so may time a text <c>before</c> it, except a cancellation).</summary>
    public static bool CarriesAppointment(AutomationTriggerKind kind) =>
        kind is AutomationTriggerKind.AppointmentCreated or AutomationTriggerKind.AppointmentScheduled
            or AutomationTriggerKind.AppointmentUpdated or AutomationTriggerKind.AppointmentCancelled;
}
