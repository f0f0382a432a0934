using PhoneNumbers;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Puts a valid event into the form the sync works with, in place: phone numbers to E.164 (read with the
/// account's default region when they carry no country code), email trimmed, lower-cased and checked,
/// names and titles trimmed (Unicode kept as sent), tags trimmed with blanks and repeats (ignoring case)
/// removed. A phone number or email that cannot be read is an error naming the field, never a silent drop.
/// </summary>
public static class RoezanEventNormalizer
{
    // Loading libphonenumber's metadata is expensive; the instance is thread-safe and kept for the process.
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>'+' and at most 15 digits (ITU-T E.164).</summary>
    private const int MaxE164Length = 16;

    public static IReadOnlyList<RoezanFieldError> Normalize(RoezanEvent evt, string defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(evt);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultRegion);
        List<RoezanFieldError>? errors = null;

        if (evt.Data?.Contact is { } contact)
        {
            contact.FirstName = TrimToNull(contact.FirstName);
            contact.LastName = TrimToNull(contact.LastName);
            contact.Phone = NormalizePhone(ref errors, contact.Phone, defaultRegion, "data.contact.phone");
            contact.Email = NormalizeEmail(ref errors, contact.Email, "data.contact.email");
            if (contact.Tags is { } tags)
            {
                NormalizeTags(tags);
            }
        }

        if (evt.Data?.Message is { } message)
        {
            message.From = NormalizePhone(ref errors, message.From, defaultRegion, "data.message.from");
            message.FromName = TrimToNull(message.FromName);
            if (evt.Type == RoezanEventTypes.MessageReceived && !string.IsNullOrWhiteSpace(message.Id))
            {
                // One message, one ledger row and one note, whether the webhook or the reconciler's poll brings it.
                evt.Id = RoezanMessageEventId.For(message.Id.Trim());
            }
            else if (evt.Type == RoezanEventTypes.MessageStatus && !string.IsNullOrWhiteSpace(message.Id) && !string.IsNullOrWhiteSpace(message.Status))
            {
                // One status of one text, one ledger row: Roezan re-sending it under a new event id is a duplicate.
                message.Status = message.Status.Trim();
                evt.Id = RoezanMessageEventId.ForStatus(message.Id.Trim(), message.Status);
            }
        }

        if (evt.Data?.Task is { } task)
        {
            task.Title = TrimToNull(task.Title);
        }

        return (IReadOnlyList<RoezanFieldError>?)errors ?? [];
    }

    /// <summary>E.164 (<c>+12015550123</c>) for a valid number; null for a blank one.</summary>
    public static bool TryNormalizePhone(string? raw, string defaultRegion, out string? e164)
    {
        e164 = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        try
        {
            var number = Phones.Parse(raw, defaultRegion);
            if (!Phones.IsValidNumber(number))
            {
                return false;
            }

            // libphonenumber calls some longer numbers valid (German ones of 16 digits); E.164 has at most 15.
            var formatted = Phones.Format(number, PhoneNumberFormat.E164);
            if (formatted.Length > MaxE164Length)
            {
                return false;
            }

            e164 = formatted;
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    /// <summary>Trimmed and lower-cased for a plausible address; null for a blank one.</summary>
    public static bool TryNormalizeEmail(string? raw, out string? email)
    {
        email = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return true;
        }

        var trimmed = raw.Trim();
        if (!IsPlausibleEmail(trimmed))
        {
            return false;
        }

        email = trimmed.ToLowerInvariant();
        return true;
    }

    private static string? NormalizePhone(ref List<RoezanFieldError>? errors, string? raw, string region, string field)
    {
        if (TryNormalizePhone(raw, region, out var e164))
        {
            return e164;
        }

        (errors ??= []).Add(new RoezanFieldError(field, $"is not a valid phone number (numbers without a country code are read as {region})"));
        return raw;
    }

    private static string? NormalizeEmail(ref List<RoezanFieldError>? errors, string? raw, string field)
    {
        if (TryNormalizeEmail(raw, out var email))
        {
            return email;
        }

        (errors ??= []).Add(new RoezanFieldError(field, "is not a valid email address"));
        return raw;
    }

    private static string? TrimToNull(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }

    /// <summary>In place, keeping the first spelling of each tag; quadratic, but a contact has a handful of tags.</summary>
    private static void NormalizeTags(List<string> tags)
    {
        var kept = 0;
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i]?.Trim();
            if (string.IsNullOrEmpty(tag))
            {
                continue;
            }

            var repeated = false;
            for (var j = 0; j < kept; j++)
            {
                if (string.Equals(tags[j], tag, StringComparison.OrdinalIgnoreCase))
                {
                    repeated = true;
                    break;
                }
            }

            if (!repeated)
            {
                tags[kept++] = tag;
            }
        }

        tags.RemoveRange(kept, tags.Count - kept);
    }

    /// <summary>
    /// One <c>@</c>; a local part of 1–64 characters without spaces, quotes or angle brackets, not starting,
    /// ending or doubling a dot; a domain of dot-separated labels (letters, digits, hyphens or non-ASCII for
    /// internationalized names) with at least two labels. Deliverability is GHL's and the mail server's call.
    /// </summary>
    internal static bool IsPlausibleEmail(ReadOnlySpan<char> email)
    {
        if (email.Length is < 3 or > 254)
        {
            return false;
        }

        var at = email.IndexOf('@');
        if (at <= 0 || at > 64 || at != email.LastIndexOf('@'))
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        if (local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in local)
        {
            if (c <= ' ' || c is '"' or '(' or ')' or ',' or ':' or ';' or '<' or '>' or '[' or '\\' or ']' or '\u007f')
            {
                return false;
            }
        }

        var labels = 0;
        while (true)
        {
            var dot = domain.IndexOf('.');
            var label = dot < 0 ? domain : domain[..dot];
            if (label.IsEmpty || label.Length > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c == '-' || (c > '\u007f' && char.IsLetterOrDigit(c))))
                {
                    return false;
                }
            }

            labels++;
            if (dot < 0)
            {
                break;
            }

            domain = domain[(dot + 1)..];
        }

        return labels >= 2;
    }
}
