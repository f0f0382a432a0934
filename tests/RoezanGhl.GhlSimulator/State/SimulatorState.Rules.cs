using System.Globalization;
using System.Text.Json.Nodes;

namespace RoezanGhl.GhlSimulator.State;

// Shared rules under the lock: phone normalisation, ghost writes, body validation, search matching, timestamps, ids, webhooks.
public sealed partial class SimulatorState
{
    /// <summary>GHL stores E.164; a 10-digit number is taken as North American.</summary>
    public static string NormalizePhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length == 10 ? "+1" + digits : "+" + digits;
    }

    private SimResponse GhostOr(SimResponse applied)
    {
        var ghost = _ghostWritesLeft > 0 || (_settings.GhostWriteRatio > 0 && _random.NextDouble() < _settings.GhostWriteRatio);
        if (!ghost)
        {
            return applied;
        }

        if (_ghostWritesLeft > 0)
        {
            _ghostWritesLeft--;
        }

        return _settings.GhostWriteMode switch
        {
            GhostWriteMode.Abort => new SimResponse(0, null, Abort: true),
            GhostWriteMode.Unprocessable => SimResponse.Invalid(["Unprocessable Entity"]),
            _ => SimResponse.Error(500, "Internal server error"),
        };
    }

    private static SimResponse? Validate(JsonObject body, IReadOnlyCollection<string> allowed, IReadOnlyCollection<string> required)
    {
        var problems = new List<string>();
        problems.AddRange(body.Select(pair => pair.Key).Where(name => !allowed.Contains(name)).Select(name => $"property {name} should not exist"));
        problems.AddRange(required.Where(name => body[name] is null).Select(name => $"{name} should not be empty"));
        foreach (var (name, value) in body)
        {
            if (value is null)
            {
                continue;
            }

            var kind = value.GetValueKind();
            if (SimulatorFields.StringFields.Contains(name) && kind != System.Text.Json.JsonValueKind.String)
            {
                problems.Add($"{name} must be a string");
            }
            else if (SimulatorFields.BooleanFields.Contains(name) && kind is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                problems.Add($"{name} must be a boolean value");
            }
            else if (name is "tags" or "customFields" && kind != System.Text.Json.JsonValueKind.Array)
            {
                problems.Add($"{name} must be an array");
            }
        }

        return problems.Count == 0 ? null : SimResponse.Invalid(problems);
    }

    private static SimResponse? ValidateDate(JsonObject body) =>
        body["dueDate"] is { } due && due.GetValueKind() == System.Text.Json.JsonValueKind.String
        && !DateTimeOffset.TryParse(due.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)
            ? SimResponse.Invalid(["dueDate must be a valid ISO 8601 date string"])
            : null;

    private static bool Matches(JsonObject contact, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return true;
        }

        return SearchableFields
            .Select(field => Text(contact, field))
            .Any(value => value is not null && value.Contains(query, StringComparison.OrdinalIgnoreCase));
    }

    private static List<string> TagsOf(JsonObject contact) =>
        contact["tags"] is JsonArray tags ? [.. tags.Select(tag => tag!.GetValue<string>())] : [];

    private static long AddedMs(JsonObject contact) =>
        DateTimeOffset.Parse(contact["dateAdded"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    private void Touch(JsonObject contact)
    {
        contact["dateUpdated"] = Now();
        if (!_creating)
        {
            Emit("ContactUpdate", contact);
        }
    }

    // Webhooks (ContactChanged) are raised for changes made through the API and by the admin's "GHL user"; not for seeds.
    private void Emit(string type, JsonObject contact)
    {
        if (!_seeding)
        {
            ContactChanged?.Invoke(type, (JsonObject)contact.DeepClone());
        }
    }

    private string Now() => Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private string NewId() => string.Create(20, _random, static (span, random) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = IdAlphabet[random.Next(IdAlphabet.Length)];
        }
    });

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : null;
}
