namespace RoezanGhl.Ghl;

/// <summary>How a request may spend a location's daily budget.</summary>
public enum GhlRequestPriority
{
    /// <summary>Live changes: may use the whole daily budget.</summary>
    Normal = 0,

    /// <summary>Bulk work (reconciliation): stops when only the configured daily reserve is left.</summary>
    Background = 1,
}
