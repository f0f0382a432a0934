namespace RoezanGhl.RoezanSimulator.State;

/// <summary>How the simulator answers a write (contact upsert, message send) that it applied but pretends failed.</summary>
public enum GhostWriteMode
{
    /// <summary>500 Internal Server Error.</summary>
    ServerError = 0,

    /// <summary>504 Gateway Timeout, as a proxy answers when the app behind it was too slow.</summary>
    GatewayTimeout = 1,

    /// <summary>The connection is dropped without an answer, as a client timeout would see it.</summary>
    Abort = 2,
}
