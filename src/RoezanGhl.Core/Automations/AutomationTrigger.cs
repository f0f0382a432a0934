namespace RoezanGhl.Core.Automations;

/// <summary>A checked trigger: its kind, and the tags or keywords it listens for (empty for the other kinds).</summary>
public sealed record AutomationTrigger(AutomationTriggerKind Kind, IReadOnlyList<string> Tags, IReadOnlyList<string> Keywords)
{
    public override string ToString() => Kind switch
    {
        AutomationTriggerKind.TagAdded => $"{AutomationTriggerKinds.NameOf(Kind)} ({string.Join(", ", Tags)})",
        AutomationTriggerKind.InboundKeyword => $"{AutomationTriggerKinds.NameOf(Kind)} ({string.Join(", ", Keywords)})",
        _ => AutomationTriggerKinds.NameOf(Kind),
    };
}
