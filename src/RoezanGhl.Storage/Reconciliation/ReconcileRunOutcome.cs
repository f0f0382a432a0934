namespace RoezanGhl.Storage.Reconciliation;

/// <summary>How a location's reconciliation run ended.</summary>
public enum ReconcileRunOutcome
{
    /// <summary>Every step ran to its end (or to the end of its pass).</summary>
    Completed,

    /// <summary>A step stopped because the run's call budget or GHL's daily reserve was reached; the next run continues from the cursors.</summary>
    Stopped,

    /// <summary>Another run held the location's lease; this one did nothing.</summary>
    LeaseHeld,

    /// <summary>An error ended the run; the cursors hold what was done before it.</summary>
    Failed,
}
