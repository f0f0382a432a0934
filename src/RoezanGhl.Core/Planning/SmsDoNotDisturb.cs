using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Planning;

/// <summary>
/// Roezan's opt-out as a GHL value: a Roezan contact that opted out (<see cref="RoezanContact.OptedOut"/>) carries
/// <see cref="FieldName"/> = <c>active</c> among its standard fields, which the step executor writes as
/// <c>dndSettings.SMS.status</c> on the GHL contact. Like any value it is written once (the recorded state has it
/// afterwards) and never cleared: an opt-in in Roezan does not undo GHL's do-not-disturb.
/// </summary>
public static class SmsDoNotDisturb
{
    /// <summary>Not a GHL field name (those are camelCase words); the executor turns it into <c>dndSettings</c>.</summary>
    public const string FieldName = "dndSettings.SMS";

    public const string Active = "active";

    public static ContactFields FromOptOut(ContactFields mapped, RoezanContact contact)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        ArgumentNullException.ThrowIfNull(contact);
        if (contact.OptedOut != true)
        {
            return mapped;
        }

        return TurnedOn(mapped);
    }

    /// <summary><paramref name="fields"/> with GHL's SMS do-not-disturb on (a STOP reply, or Roezan's opt-out).</summary>
    public static ContactFields TurnedOn(ContactFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var standard = new Dictionary<string, string>(fields.StandardFields, StringComparer.Ordinal) { [FieldName] = Active };
        return fields with { StandardFields = standard };
    }

    /// <summary>True when <paramref name="fields"/> say GHL's SMS do-not-disturb is (or is to be) on.</summary>
    public static bool IsOn(ContactFields fields) =>
        fields?.StandardFields.GetValueOrDefault(FieldName) == Active;
}
