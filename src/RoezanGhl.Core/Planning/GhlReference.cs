namespace RoezanGhl.Core.Planning;

/// <summary>
/// The stable reference we write as the last line of every note and task body we create
/// (<c>ref: evt_123</c>, <c>ref: roezan-task/t_1</c>). After a create whose outcome is unknown (timeout,
/// 5xx: a possible ghost write) the processor lists the contact's notes or tasks and looks for this line
/// before creating again, so a retry never makes a second copy. It also tells a person reading GHL where
/// the note came from.
/// </summary>
public static class GhlReference
{
    private const string Prefix = "ref: ";

    /// <summary>The reference of a note (or follow-up task) made by one event.</summary>
    public static string ForEvent(string eventId) => eventId;

    /// <summary>The reference of a Roezan task: stable across the task's created / updated / completed events.</summary>
    public static string ForRoezanTask(string taskId) => "roezan-task/" + taskId;

    /// <summary><paramref name="body"/> with the reference line appended (after a blank line).</summary>
    public static string AppendTo(string? body, string reference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        var text = body?.TrimEnd();
        return string.IsNullOrEmpty(text) ? Prefix + reference : text + "\n\n" + Prefix + reference;
    }

    /// <summary>True when one line of <paramref name="body"/> is exactly this reference (so evt_1 never matches evt_10).</summary>
    public static bool IsIn(string? body, string reference)
    {
        if (string.IsNullOrEmpty(body))
        {
            return false;
        }

        var wanted = Prefix + reference;
        foreach (var line in body.Split('\n'))
        {
            if (string.Equals(line.Trim(), wanted, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
