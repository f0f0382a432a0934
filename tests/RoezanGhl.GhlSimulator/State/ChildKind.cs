namespace RoezanGhl.GhlSimulator.State;

/// <summary>The things that hang off a contact.</summary>
public enum ChildKind
{
    Note,
    Task,
    Appointment,
}
