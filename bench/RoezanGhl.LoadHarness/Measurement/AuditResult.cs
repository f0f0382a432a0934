namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>What GHL's state says about a run's events.</summary>
public sealed record AuditResult(
    IReadOnlySet<string> Applied,
    IReadOnlyList<string> Lost,
    int DuplicateContacts,
    int DuplicateNotes,
    int DuplicateTasks,
    int FieldsLost = 0)
{
    /// <summary>Objects created more than once for one source: extra contacts per phone, notes and tasks per event marker.</summary>
    public int DuplicateWrites => DuplicateContacts + DuplicateNotes + DuplicateTasks;
}
