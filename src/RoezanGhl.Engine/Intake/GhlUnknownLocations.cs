using System.Collections.Concurrent;

namespace RoezanGhl.Engine.Intake;

/// <summary>
/// The locations this process has already logged as unknown, so that each is logged once however often GHL sends
/// (a webhook left on after an account was removed sends every change). Bounded: past <see cref="Capacity"/>
/// locations nothing more is remembered and new ones are no longer logged (they are still counted), so a flood of
/// made-up location ids cannot grow memory. Per process: a restart logs each once more, which is what an
/// operator wants anyway.
/// </summary>
public sealed class GhlUnknownLocations
{
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a location is seen while there is room; false afterwards and once full.</summary>
    public bool FirstTime(string locationId)
    {
        ArgumentNullException.ThrowIfNull(locationId);
        return _seen.Count < Capacity && _seen.TryAdd(locationId, 0);
    }
}
