namespace RoezanGhl.GhlSimulator.State;

/// <summary>The JSON property names GHL uses for each kind, singular and in lists.</summary>
public static class ChildKindNames
{
    public static string ItemProperty(this ChildKind kind) => kind switch
    {
        ChildKind.Note => "note",
        ChildKind.Task => "task",
        _ => "event",
    };

    public static string ListProperty(this ChildKind kind) => kind switch
    {
        ChildKind.Note => "notes",
        ChildKind.Task => "tasks",
        _ => "events",
    };
}
