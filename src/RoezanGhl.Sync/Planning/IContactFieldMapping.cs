using RoezanGhl.Sync.Events;

namespace RoezanGhl.Sync.Planning;

/// <summary>
/// Turns a Roezan contact into GHL contact values. The planner calls it for every contact event; issue 6
/// supplies a configurable one. Must be pure: no I/O, same input, same output.
/// </summary>
public interface IContactFieldMapping
{
    /// <summary>The GHL values for <paramref name="contact"/>; empty Roezan values come back as null (not written).</summary>
    ContactFields Map(RoezanContact contact);
}
