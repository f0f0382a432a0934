using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RoezanGhl.RoezanSimulator.State;

/// <summary>
/// Reads fields of a JSON request body and collects a message per bad field, worded like a Laravel
/// validation answer (<c>{"message", "errors": {field: [..]}}</c>; see <see cref="RoezanResponses"/>).
/// Strings are trimmed; an empty string clears the field; absent or null leaves it alone.
/// </summary>
internal sealed class BodyReader(JsonObject body)
{
    public Dictionary<string, List<string>> Errors { get; } = new(StringComparer.Ordinal);

    public bool Valid => Errors.Count == 0;

    public bool Has(string name) => body[name] is not null;

    public string? Text(string name, bool required = false)
    {
        var node = body[name];
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
        {
            var text = value.GetValue<string>().Trim();
            if (required && text.Length == 0)
            {
                Add(name, $"The {name} field is required.");
            }

            return text;
        }

        if (node is null)
        {
            if (required)
            {
                Add(name, $"The {name} field is required.");
            }

            return null;
        }

        Add(name, $"The {name} must be a string.");
        return null;
    }

    /// <summary>A phone number as E.164, read in <paramref name="region"/> when it has no country code.</summary>
    public string? Phone(string name, string region, bool required)
    {
        var raw = Text(name, required);
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        if (PhoneNormalizer.TryToE164(raw, region, out var e164))
        {
            return e164;
        }

        Add(name, $"The {name} must be a valid phone number.");
        return null;
    }

    public string? Email(string name)
    {
        var text = Text(name);
        if (!string.IsNullOrEmpty(text) && !System.Net.Mail.MailAddress.TryCreate(text, out _))
        {
            Add(name, $"The {name} must be a valid email address.");
        }

        return text;
    }

    /// <summary>An array of strings or numbers (Roezan's tag and list ids may be either), as trimmed distinct strings.</summary>
    public IReadOnlyList<string>? TextList(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(item => item is not JsonValue { } v || v.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number)))
        {
            Add(name, $"The {name} must be an array of strings.");
            return null;
        }

        return [.. array.Select(item => item!.AsValue().GetValueKind() == JsonValueKind.Number ? item.ToJsonString() : item.GetValue<string>().Trim())
            .Where(item => item.Length > 0)
            .Distinct(StringComparer.Ordinal)];
    }

    public bool? Flag(string name)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetValue<bool>();
        }

        Add(name, $"The {name} must be true or false.");
        return null;
    }

    public DateTimeOffset? Time(string name)
    {
        var text = Text(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }

        Add(name, $"The {name} must be a date and time (RFC 3339).");
        return null;
    }

    public void Add(string name, string message)
    {
        if (!Errors.TryGetValue(name, out var messages))
        {
            messages = [];
            Errors[name] = messages;
        }

        messages.Add(message);
    }
}
