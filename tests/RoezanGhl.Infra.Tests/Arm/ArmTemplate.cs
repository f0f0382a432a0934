using System.Text.Json.Nodes;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// A compiled ARM template (the output of <c>bicep build</c>) with its nested module deployments
/// flattened, so that a check can ask for "every storage account" wherever a module put it.
/// </summary>
public sealed class ArmTemplate
{
    public ArmTemplate(JsonObject root)
    {
        Root = root;
        RootScope = new ArmScope(root, parent: null, deploymentParameters: null);
    }

    public JsonObject Root { get; }

    public ArmScope RootScope { get; }

    /// <summary>Every resource of this template and of the templates its deployments nest, depth first.</summary>
    public IReadOnlyList<ArmResource> Resources => Collect(RootScope).ToList();

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new FormatException("An ARM template is a JSON object."));

    /// <summary>Resources of one type that the template deploys (references to existing resources left out).</summary>
    public IEnumerable<ArmResource> Deployed(string type) =>
        Resources.Where(r => !r.IsExisting && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>An independent copy that a test may change.</summary>
    public ArmTemplate Clone() => new((JsonObject)Root.DeepClone());

    private static IEnumerable<ArmResource> Collect(ArmScope scope)
    {
        foreach (var (json, symbol) in ResourceObjects(scope.Template))
        {
            var resource = new ArmResource(json, scope, symbol);
            yield return resource;
            if (resource.NestedScope is { } nestedScope)
            {
                foreach (var inner in Collect(nestedScope))
                {
                    yield return inner;
                }
            }
        }
    }

    // languageVersion 2.0 (user-defined types) keys resources by symbolic name; 1.0 lists them.
    private static IEnumerable<(JsonObject Json, string? Symbol)> ResourceObjects(JsonObject template) =>
        template["resources"] switch
        {
            JsonObject byName => byName.Where(p => p.Value is JsonObject).Select(p => ((JsonObject)p.Value!, (string?)p.Key)),
            JsonArray list => list.OfType<JsonObject>().Select(json => (json, (string?)null)),
            _ => [],
        };
}
