namespace RoezanGhl.Core.Planning;

/// <summary>What a plan says to do with its event.</summary>
public enum PlanDisposition
{
    /// <summary>Run the steps (there is at least one).</summary>
    Apply,

    /// <summary>Nothing to do in GHL (stale, flow off, no change): recorded as Skipped with the reason.</summary>
    Skip,

    /// <summary>The event needs a contact that is not linked yet (a note or task that overtook its contact): try later.</summary>
    WaitForContact,

    /// <summary>The event lacks what its type needs: recorded as Failed with the reason.</summary>
    Invalid,
}
