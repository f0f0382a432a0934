using RoezanGhl.Core.Planning;
using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Compares the contact an upsert answered with to what we sent. GHL's upsert can match one contact by
/// email and another by phone, update the first and silently drop the phone ("Upsert Errors and
/// Documentation Update"); a difference here is that case, and it must not pass unnoticed.
/// </summary>
internal static class UpsertConflict
{
    /// <summary>Null when GHL kept every identity and name we sent; otherwise which ones differ and how (values included: for the note on the contact).</summary>
    public static string? Describe(ContactFields sent, GhlContact returned)
    {
        var differences = Differences(sent, returned);
        return differences.Count == 0 ? null : string.Join("; ", differences.Select(difference => difference.Text));
    }

    /// <summary>The names of the members GHL did not keep (no values: for logs, the ledger and notifications).</summary>
    public static IReadOnlyList<string> Members(ContactFields sent, GhlContact returned) =>
        Differences(sent, returned).Select(difference => difference.Member).ToList();

    private static List<(string Member, string Text)> Differences(ContactFields sent, GhlContact returned)
    {
        var differences = new List<(string Member, string Text)>();
        if (sent.Phone is { } phone && !SamePhone(phone, returned.Phone))
        {
            differences.Add(("phone", $"phone: sent {phone}, GHL kept {returned.Phone ?? "(none)"}"));
        }

        if (sent.Email is { } email && !string.Equals(email.Trim(), returned.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(("email", $"email: sent {email}, GHL kept {returned.Email ?? "(none)"}"));
        }

        if (sent.FirstName is { } first && !SameText(first, returned.FirstName))
        {
            differences.Add(("firstName", $"firstName: sent {first}, GHL kept {returned.FirstName ?? "(none)"}"));
        }

        if (sent.LastName is { } last && !SameText(last, returned.LastName))
        {
            differences.Add(("lastName", $"lastName: sent {last}, GHL kept {returned.LastName ?? "(none)"}"));
        }

        return differences;
    }

    private static bool SameText(string sent, string? kept) =>
        string.Equals(sent.Trim(), kept?.Trim(), StringComparison.OrdinalIgnoreCase);

    // GHL may format the number it stores; the digits are what identify it.
    private static bool SamePhone(string sent, string? kept) =>
        kept is not null && Digits(sent) == Digits(kept);

    private static string Digits(string phone) => new(phone.Where(char.IsAsciiDigit).ToArray());
}
