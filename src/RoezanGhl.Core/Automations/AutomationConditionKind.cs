namespace RoezanGhl.Core.Automations;

public enum AutomationConditionKind
{
    TagPresent,
    TagAbsent,
    CustomFieldEquals,
    HasPhone,
    NotOptedOut,
}
