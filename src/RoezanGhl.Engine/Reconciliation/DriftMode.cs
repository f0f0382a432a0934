namespace RoezanGhl.Engine.Reconciliation;

/// <summary>What the reconciler does with a GHL contact whose synced fields differ from the last Roezan state (<c>Sync:DriftMode</c>).</summary>
public enum DriftMode
{
    /// <summary>Writes the last Roezan values back to GHL (through the sync engine's step executor).</summary>
    Repair,

    /// <summary>Only logs and counts the difference; GHL is left as it is.</summary>
    Report,
}
