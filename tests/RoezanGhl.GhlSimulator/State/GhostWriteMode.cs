namespace RoezanGhl.GhlSimulator.State;

/// <summary>How the simulator answers a create that it applied but pretends failed.</summary>
public enum GhostWriteMode
{
    /// <summary>500 Internal Server Error.</summary>
    ServerError = 0,

    /// <summary>422 Unprocessable Entity, as in GHL's "Create Contact Fails 422 and Still Creates Contact".</summary>
    Unprocessable = 1,

    /// <summary>The connection is dropped without an answer.</summary>
    Abort = 2,
}
