using RoezanGhl.LoadHarness.Workload;

namespace RoezanGhl.LoadHarness.Measurement;

/// <summary>What happened to one event as the system under load saw it (the audit of GHL's state decides whether it was applied).</summary>
public sealed class EventTiming(ScriptedEvent scripted)
{
    public ScriptedEvent Scripted { get; } = scripted;

    /// <summary>When the system accepted it (webhook answered 2xx / the zap started), ms on the run clock.</summary>
    public double? AcceptedMs { get; set; }

    /// <summary>When the system was done with it (applied, failed for good, or given up), ms on the run clock.</summary>
    public double? SettledMs { get; set; }

    /// <summary>The system's own word: Applied, Skipped, Failed, Conflict, or why it never got in.</summary>
    public string? Outcome { get; set; }

    public bool ReportedApplied => Outcome is "Applied";
}
