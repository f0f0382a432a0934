using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Storage;

/// <summary>
/// The tables, queues and blob containers the template's storage module creates: the values main.bicep passes
/// to its <c>tableNames</c>, <c>queueNames</c> and <c>containerNames</c>, with the variables and
/// <c>format(...)</c> interpolations Bicep compiles them to resolved.
/// </summary>
public sealed partial record ProvisionedStorage(IReadOnlyList<string> Tables, IReadOnlyList<string> Queues, IReadOnlyList<string> Containers)
{
    public static ProvisionedStorage Of(ArmTemplate template)
    {
        var module = template.Deployed("Microsoft.Resources/deployments").Single(d => d.Name == "storage");
        return new(Names(module, "tableNames"), Names(module, "queueNames"), Names(module, "containerNames"));
    }

    /// <summary>The literal value of one string the template passes to a module (a variable or a <c>format</c> of variables).</summary>
    public static string Resolve(ArmScope scope, JsonNode? value)
    {
        var (resolved, owner) = scope.Dereference(value);
        var text = resolved?.GetValue<string>() ?? throw new InvalidOperationException("A storage name is not a string.");
        if (!text.StartsWith('['))
        {
            return text;
        }

        var format = Format().Match(text);
        if (!format.Success)
        {
            throw new InvalidOperationException($"Cannot resolve the storage name expression {text}.");
        }

        var arguments = format.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries)
            .Select(argument => (object)Resolve(owner, JsonValue.Create($"[{argument}]")))
            .ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, format.Groups[1].Value, arguments);
    }

    private static List<string> Names(ArmResource module, string parameter)
    {
        var values = module.Properties?["parameters"]?[parameter]?["value"] as JsonArray
            ?? throw new InvalidOperationException($"The storage module gets no {parameter}.");
        return [.. values.Select(value => Resolve(module.Scope, value))];
    }

    [GeneratedRegex(@"^\[format\('([^']*)', (.+)\)\]$")]
    private static partial Regex Format();
}
