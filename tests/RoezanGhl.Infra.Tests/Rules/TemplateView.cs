using System.Text.Json.Nodes;
using RoezanGhl.Infra.Tests.Arm;

namespace RoezanGhl.Infra.Tests.Rules;

/// <summary>
/// A compiled template as Azure would deploy it with the given main-template parameter values (the
/// others at their defaults): which resources it deploys, what their properties come to, and which
/// resource a value names (<see cref="Identity"/>).
/// </summary>
public sealed class TemplateView
{
    public TemplateView(ArmTemplate template, IReadOnlyDictionary<string, JsonNode?>? parameters = null)
    {
        Template = template;
        Evaluator = new ArmEvaluator(parameters);
    }

    public ArmTemplate Template { get; }

    public ArmEvaluator Evaluator { get; }

    /// <summary>Resources of a type that are deployed (their conditions are not false) with these parameters.</summary>
    public IEnumerable<ArmResource> Deployed(string type) =>
        Template.Deployed(type).Where(resource => Evaluator.IsDeployed(resource) != false);

    /// <summary>A property of a resource, by path from the resource object: Value(vault, "properties", "publicNetworkAccess").</summary>
    public ArmValue Value(ArmResource resource, params string[] path) =>
        path.Aggregate(ArmValue.FromTemplate(resource.Json, resource.Scope), Evaluator.Member);

    public ArmValue Member(ArmValue value, params string[] path) => path.Aggregate(value, Evaluator.Member);

    public IReadOnlyList<ArmValue> Items(ArmValue array) => Evaluator.Items(array);

    public string Identity(ArmResource resource) => Evaluator.Identity(resource);

    /// <summary>The evaluated value of an app setting the template gives its function app; null when it sets none.</summary>
    public ArmValue? Setting(string name) =>
        TemplateAppSettings.Read(Template).FirstOrDefault(s => s.Name == name) is { } setting
            ? Evaluator.Evaluate(setting.Value, setting.Scope)
            : null;

    /// <summary>What the principal id of each deployed user-assigned identity evaluates to: the app's identities.</summary>
    public IReadOnlySet<string> AppPrincipals() =>
        Deployed("Microsoft.ManagedIdentity/userAssignedIdentities").Select(identity => $"reference({Identity(identity)}).principalId").ToHashSet(StringComparer.Ordinal);

    /// <summary>A resource in words for a violation: its type and the module that deploys it.</summary>
    public static string Describe(ArmResource resource) =>
        resource.Scope.Deployment?.Symbol is { } module ? $"{resource.Type} of module '{module}'" : resource.ToString();
}
