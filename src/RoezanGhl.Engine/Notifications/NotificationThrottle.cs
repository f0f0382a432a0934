using System.Globalization;
using System.Text.RegularExpressions;

namespace RoezanGhl.Engine.Notifications;

/// <summary>
/// Decides which notices become messages: at most N per location per minute, the rest counted and
/// announced once as "and K more" when the minute is over. Also writes the message text, short and with
/// anything token-like masked. Not thread-safe: the single sender loop owns it.
/// </summary>
public sealed partial class NotificationThrottle
{
    private const int MaxReasonLength = 300;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly int _maxPerWindow;
    private readonly Dictionary<string, LocationWindow> _windows = new(StringComparer.Ordinal);

    public NotificationThrottle(int maxPerWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPerWindow, 1);
        _maxPerWindow = maxPerWindow;
    }

    /// <summary>The messages to send now for <paramref name="notice"/>: possibly the roll-up of the location's last minute, then the notice unless over the limit.</summary>
    public IReadOnlyList<string> Admit(FailureNotice notice, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var messages = new List<string>(2);
        if (!_windows.TryGetValue(notice.LocationId, out var window) || now - window.Start >= Window)
        {
            if (window is { Suppressed: > 0 })
            {
                messages.Add(RollUp(notice.LocationId, window.Suppressed));
            }

            window = new LocationWindow(now);
            _windows[notice.LocationId] = window;
        }

        if (window.Sent < _maxPerWindow)
        {
            window.Sent++;
            messages.Add(Text(notice));
        }
        else
        {
            window.Suppressed++;
        }

        return messages;
    }

    /// <summary>Roll-ups of the minutes that are over, with nothing more to say for their locations.</summary>
    public IReadOnlyList<string> Flush(DateTimeOffset now)
    {
        var messages = new List<string>();
        foreach (var (location, window) in _windows.Where(pair => now - pair.Value.Start >= Window).ToList())
        {
            if (window.Suppressed > 0)
            {
                messages.Add(RollUp(location, window.Suppressed));
            }

            _windows.Remove(location);
        }

        return messages;
    }

    /// <summary>The message for one notice.</summary>
    public static string Text(FailureNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var reason = Mask(notice.Reason.ReplaceLineEndings(" ").Trim());
        if (reason.Length > MaxReasonLength)
        {
            reason = reason[..(MaxReasonLength - 3)] + "...";
        }

        var trace = notice.TraceId is { Length: > 0 } traceId ? $" (GHL traceId {traceId})" : "";
        return string.Create(CultureInfo.InvariantCulture, $"RoezanGhl: event {notice.EventId} ({notice.EventType}, account {notice.AccountId}) is {notice.Status.ToLowerInvariant()} for GHL location {notice.LocationId}: {reason}{trace}");
    }

    /// <summary>The roll-up line for notices held back.</summary>
    public static string RollUp(string locationId, int count) =>
        string.Create(CultureInfo.InvariantCulture, $"RoezanGhl: and {count} more failure{(count == 1 ? "" : "s")} for GHL location {locationId} in the last minute; see the event ledger.");

    // Defence in depth: reasons come from GHL and from our own exceptions, which never carry tokens, but a
    // message that goes to a chat room is masked anyway.
    private static string Mask(string text) => TokenLike().Replace(text, "***");

    [GeneratedRegex(@"(?i)(bearer\s+\S+|pit-[0-9a-z-]{8,}|eyJ[0-9a-z_-]{10,}(\.[0-9a-z_-]+)*)")]
    private static partial Regex TokenLike();

    private sealed class LocationWindow(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Sent { get; set; }

        public int Suppressed { get; set; }
    }
}
