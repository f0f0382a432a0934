using System.Text.Json;
using System.Text.RegularExpressions;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.Ghl.Tests.Contract;

/// <summary>
/// Checks a recorded request against HighLevel's OpenAPI spec (the copy in Spec/): the path template
/// and method exist, the bearer token and required headers and query parameters are there, no
/// undocumented query parameter or body property is sent, required body fields are present and every
/// body value has the type the schema gives it; a header with an enum (<c>Version</c>) has one of its values.
/// </summary>
internal sealed class GhlSpecContract
{
    private readonly JsonElement _root;
    private readonly List<(string Template, Regex Pattern, int Literals)> _paths;

    private GhlSpecContract(JsonDocument document)
    {
        _root = document.RootElement;
        _paths = [.. _root.GetProperty("paths").EnumerateObject().Select(path => (
            path.Name,
            new Regex("^" + Regex.Replace(Regex.Escape(path.Name), @"\\\{[^/]+?\}", "[^/]+") + "$", RegexOptions.CultureInvariant),
            path.Name.Split('/').Count(segment => segment.Length > 0 && !segment.StartsWith('{'))))];
    }

    public static GhlSpecContract LoadContacts() => Load("contacts.json");

    public static GhlSpecContract LoadConversations() => Load("conversations.json");

    private static GhlSpecContract Load(string file) =>
        new(JsonDocument.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Spec", "apps", file))));

    /// <summary>The spec's path template and method for the request ("POST /contacts/"), or null when none matches.</summary>
    public string? OperationOf(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return FindOperation(request) is { } found ? $"{request.Method} {found.Template}" : null;
    }

    public IReadOnlyList<string> Violations(RecordedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        if (FindOperation(request) is not { } found)
        {
            return [$"{request.Method} {request.Path}: no such path and method in the spec"];
        }

        var (template, operation) = found;
        var name = $"{request.Method} {template}";
        if (operation.TryGetProperty("security", out _)
            && !(request.Headers.TryGetValue("Authorization", out var authorization) && authorization.StartsWith("Bearer ", StringComparison.Ordinal)))
        {
            problems.Add($"{name}: no Authorization: Bearer header");
        }

        var queryNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
        {
            var parameterName = parameter.GetProperty("name").GetString()!;
            var required = parameter.TryGetProperty("required", out var r) && r.GetBoolean();
            switch (parameter.GetProperty("in").GetString())
            {
                case "header" when required && !request.Headers.ContainsKey(parameterName):
                    problems.Add($"{name}: required header {parameterName} missing");
                    break;
                case "header" when request.Headers.TryGetValue(parameterName, out var headerValue) && !AllowedByEnum(parameter, headerValue):
                    problems.Add($"{name}: header {parameterName} '{headerValue}' is not one the spec allows");
                    break;
                case "query":
                    queryNames.Add(parameterName);
                    if (required && !request.Query.ContainsKey(parameterName))
                    {
                        problems.Add($"{name}: required query parameter {parameterName} missing");
                    }

                    break;
            }
        }

        problems.AddRange(request.Query.Keys.Where(key => !queryNames.Contains(key)).Select(key => $"{name}: query parameter {key} is not in the spec"));

        var hasBodySchema = operation.TryGetProperty("requestBody", out var requestBody);
        if (!hasBodySchema)
        {
            if (request.Body is not null)
            {
                problems.Add($"{name}: sends a body the spec does not define");
            }

            return problems;
        }

        if (request.Body is null)
        {
            if (requestBody.TryGetProperty("required", out var bodyRequired) && bodyRequired.GetBoolean())
            {
                problems.Add($"{name}: required body missing");
            }

            return problems;
        }

        if (!(request.Headers.TryGetValue("Content-Type", out var contentType) && contentType.StartsWith("application/json", StringComparison.Ordinal)))
        {
            problems.Add($"{name}: body without Content-Type application/json");
        }

        var schema = requestBody.GetProperty("content").GetProperty("application/json").GetProperty("schema");
        using var body = JsonDocument.Parse(request.Body);
        CheckValue(body.RootElement, schema, "body", name, problems);
        return problems;
    }

    private (string Template, JsonElement Operation)? FindOperation(RecordedRequest request)
    {
        var method = request.Method.ToLowerInvariant();
        foreach (var (template, pattern, _) in _paths.OrderByDescending(path => path.Literals))
        {
            if (pattern.IsMatch(request.Path) && _root.GetProperty("paths").GetProperty(template).TryGetProperty(method, out var operation))
            {
                return (template, operation);
            }
        }

        return null;
    }

    private void CheckValue(JsonElement value, JsonElement schema, string where, string name, List<string> problems)
    {
        schema = Resolve(schema);
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (!(schema.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
            {
                problems.Add($"{name}: {where} is null but not nullable");
            }

            return;
        }

        if (schema.TryGetProperty("anyOf", out var anyOf) || schema.TryGetProperty("oneOf", out anyOf))
        {
            var fits = anyOf.EnumerateArray().Any(option =>
            {
                var attempt = new List<string>();
                CheckValue(value, option, where, name, attempt);
                return attempt.Count == 0;
            });
            if (!fits)
            {
                problems.Add($"{name}: {where} matches none of the allowed shapes");
            }

            return;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : (schema.TryGetProperty("properties", out _) ? "object" : null);
        switch (type)
        {
            case "string" when value.ValueKind != JsonValueKind.String:
            case "boolean" when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
            case "number" or "integer" when value.ValueKind != JsonValueKind.Number:
            case "array" when value.ValueKind != JsonValueKind.Array:
            case "object" when value.ValueKind != JsonValueKind.Object:
                problems.Add($"{name}: {where} should be {type} but is {value.ValueKind}");
                return;
            case "array" when schema.TryGetProperty("items", out var items):
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    CheckValue(item, items, $"{where}[{index++}]", name, problems);
                }

                return;
            case "object" when schema.TryGetProperty("properties", out var properties):
                foreach (var required in schema.TryGetProperty("required", out var req) ? req.EnumerateArray() : default)
                {
                    if (!value.TryGetProperty(required.GetString()!, out _))
                    {
                        problems.Add($"{name}: {where}.{required.GetString()} is required");
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (properties.TryGetProperty(property.Name, out var propertySchema))
                    {
                        CheckValue(property.Value, propertySchema, $"{where}.{property.Name}", name, problems);
                    }
                    else
                    {
                        problems.Add($"{name}: {where}.{property.Name} is not in the schema");
                    }
                }

                return;
        }
    }

    // The Version header's value is an enum per API (Contacts 2021-07-28, Conversations 2021-04-15).
    private static bool AllowedByEnum(JsonElement parameter, string value) =>
        !(parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("enum", out var allowed))
        || allowed.EnumerateArray().Any(item => item.GetString() == value);

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
        {
            schema = target[2..].Split('/').Aggregate(_root, (node, segment) => node.GetProperty(segment));
        }

        return schema;
    }
}
