using NodaTime;
using NodaTime.TimeZones;

namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// Finds an account's time zone from an IANA id ("America/New_York") or a Windows id ("Eastern Standard Time")
/// in the tz database that ships inside NodaTime, so due dates come out the same on every machine
/// whatever time zone data the operating system carries.
/// </summary>
public static class AccountTimeZones
{
    /// <summary>The zone with this IANA or Windows id, or null when neither names a zone.</summary>
    public static DateTimeZone? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim());
        if (zone is not null)
        {
            return zone;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(id.Trim(), out var ianaId)
            ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(ianaId)
            : null;
    }

    /// <summary>The tz database zone for a <see cref="TimeZoneInfo"/>, or one that wraps it when its id is unknown there.</summary>
    public static DateTimeZone FromTimeZoneInfo(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Find(zone.Id) ?? BclDateTimeZone.FromTimeZoneInfo(zone);
    }
}
