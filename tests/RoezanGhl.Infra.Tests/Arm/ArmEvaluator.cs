using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace RoezanGhl.Infra.Tests.Arm;

/// <summary>
/// Evaluates template values as far as a build can: the main template's parameters (the values given
/// here, else their defaults), variables, values passed into modules and read back from their outputs,
/// conditions, and the functions of <see cref="ArmFunctions"/>. What only Azure knows comes back as a
/// symbol (<see cref="ArmValue.Unknown"/>), so a rule can still compare "which resource" two values name.
/// </summary>
public sealed partial class ArmEvaluator
{
    private readonly IReadOnlyDictionary<string, JsonNode?> _parameters;

    /// <param name="parameters">Values of main template parameters; the others take their defaults.</param>
    public ArmEvaluator(IReadOnlyDictionary<string, JsonNode?>? parameters = null) =>
        _parameters = parameters ?? new Dictionary<string, JsonNode?>();

    /// <summary>A value as the template writes it in <paramref name="scope"/>, evaluated.</summary>
    public ArmValue Evaluate(JsonNode? json, ArmScope scope) => Resolve(ArmValue.FromTemplate(json, scope));

    /// <summary>A property of an object (case-insensitive, as in ARM), evaluated; null when the object has no such property.</summary>
    public ArmValue Member(ArmValue target, string name)
    {
        target = Resolve(target);
        if (target.Members is { } members)
        {
            return members.TryGetValue(name, out var member) ? Resolve(member) : ArmValue.Null;
        }

        if (target.IsKnown && target.Json is JsonObject obj)
        {
            var property = obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
            return property.Key is null
                ? ArmValue.Null
                : Resolve(target.Scope is null ? ArmValue.Of(property.Value) : ArmValue.FromTemplate(property.Value, target.Scope));
        }

        return ArmValue.Unknown($"{target.Render()}.{name}");
    }

    /// <summary>The evaluated items of an array; none when the value is not a known array.</summary>
    public IReadOnlyList<ArmValue> Items(ArmValue array)
    {
        array = Resolve(array);
        return array.Json is JsonArray items && array.IsKnown
            ? items.Select(item => Resolve(array.Scope is null ? ArmValue.Of(item) : ArmValue.FromTemplate(item, array.Scope))).ToList()
            : [];
    }

    /// <summary>Whether the resource is deployed: its condition and its modules' conditions; null when Azure decides.</summary>
    public bool? IsDeployed(ArmResource resource)
    {
        bool? deployed = true;
        for (var current = resource; current is not null; current = current.Scope.Deployment)
        {
            if (current.Json["condition"] is { } condition)
            {
                var value = Evaluate(condition, current.Scope).AsBool();
                if (value == false)
                {
                    return false;
                }

                deployed = value is null ? null : deployed;
            }
        }

        return deployed;
    }

    /// <summary>
    /// The name's segments: <c>format('{0}/{1}', account, 'default')</c> gives the account and
    /// <c>'default'</c>, even when the account's name is a symbol.
    /// </summary>
    public IReadOnlyList<ArmValue> NameSegments(ArmResource resource)
    {
        if (resource.Json["name"] is JsonValue json && json.TryGetValue(out string? text) && ArmExpression.IsExpression(text)
            && ArmExpression.Parse(text) is ArmExpression.FunctionCall call
            && call.Function.Equals("format", StringComparison.OrdinalIgnoreCase)
            && call.Arguments.Count > 1 && call.Arguments[0] is ArmExpression.StringLiteral { Value: var pattern } && SegmentPattern().IsMatch(pattern))
        {
            return call.Arguments.Skip(1).Select(part => Evaluate(part, resource.Scope)).ToList();
        }

        var name = Evaluate(resource.Json["name"], resource.Scope);
        return name.AsString() is { } literal ? literal.Split('/').Select(segment => ArmValue.Of(segment)).ToList() : [name];
    }

    /// <summary>The resource's id as a same-group <c>resourceId(...)</c> symbol: the text a reference to it evaluates to.</summary>
    public string Identity(ArmResource resource) =>
        $"resourceId({ArmValue.Of(resource.Type).Render()}, {string.Join(", ", NameSegments(resource).Select(s => s.Render()))})";

    private ArmValue Resolve(ArmValue value)
    {
        if (value.Scope is null || value.Json is not JsonValue json || !json.TryGetValue(out string? text))
        {
            return value;
        }

        return ArmExpression.IsExpression(text)
            ? Evaluate(ArmExpression.Parse(text), value.Scope)
            : ArmValue.Of(text.StartsWith("[[", StringComparison.Ordinal) ? text[1..] : text);
    }

    private ArmValue Evaluate(ArmExpression expression, ArmScope scope) => expression switch
    {
        ArmExpression.StringLiteral literal => ArmValue.Of(literal.Value),
        ArmExpression.IntegerLiteral literal => ArmValue.Of(literal.Value),
        ArmExpression.Member member => Member(Evaluate(member.Target, scope), member.Name),
        ArmExpression.Index index => Index(Evaluate(index.Target, scope), Evaluate(index.Key, scope)),
        ArmExpression.FunctionCall call => Call(call, scope),
        _ => throw new NotSupportedException(expression.ToString()),
    };

    private ArmValue Call(ArmExpression.FunctionCall call, ArmScope scope)
    {
        var function = call.Function.ToUpperInvariant();
        if (function is "PARAMETERS" or "VARIABLES" or "REFERENCE" && call.Arguments.Count > 0
            && Evaluate(call.Arguments[0], scope) is var first && first.AsString() is { } name)
        {
            return function switch
            {
                "PARAMETERS" => Parameter(name, scope),
                "VARIABLES" => scope.Variables.TryGetPropertyValue(name, out var variable)
                    ? Evaluate(variable, scope) : ArmValue.Unknown($"variables('{name}')"),
                _ => Reference(name, scope),
            };
        }

        // if() evaluates one branch only, as ARM does.
        if (function == "IF" && call.Arguments.Count == 3 && Evaluate(call.Arguments[0], scope).AsBool() is { } condition)
        {
            return Evaluate(call.Arguments[condition ? 1 : 2], scope);
        }

        var arguments = call.Arguments.Select(argument => Evaluate(argument, scope)).ToList();
        return ArmFunctions.TryApply(call.Function, arguments)
            ?? ArmValue.Unknown($"{call.Function}({string.Join(", ", arguments.Select(a => a.Render()))})");
    }

    private ArmValue Index(ArmValue target, ArmValue key)
    {
        target = Resolve(target);
        if (key.AsString() is { } name)
        {
            return Member(target, name);
        }

        return key.AsInteger() is { } i && Items(target) is var items && i >= 0 && i < items.Count
            ? items[(int)i]
            : ArmValue.Unknown($"{target.Render()}[{key.Render()}]");
    }

    // A module's parameter is what its deployment passes in (evaluated where the module is used),
    // else its default; the main template's is the value given to the evaluator, else its default.
    private ArmValue Parameter(string name, ArmScope scope)
    {
        if (scope.Parent is null && _parameters.TryGetValue(name, out var given))
        {
            return ArmValue.Of(given?.DeepClone());
        }

        switch (scope.Parent is null ? null : scope.DeploymentParameters?[name])
        {
            case JsonObject passed when passed.TryGetPropertyValue("value", out var value):
                return Evaluate(value, scope.Parent!);
            case JsonValue computed:
                // Bicep passes a conditional module parameter as if(c, createObject('value', a), createObject('value', b)).
                return Member(Evaluate(computed, scope.Parent!), "value");
        }

        var declaration = scope.Parameters[name] as JsonObject;
        if (declaration?.TryGetPropertyValue("defaultValue", out var fallback) == true)
        {
            return Evaluate(fallback, scope);
        }

        return declaration?["nullable"] is JsonValue nullable && nullable.TryGetValue(out bool isNullable) && isNullable
            ? ArmValue.Null
            : ArmValue.Unknown($"parameters('{name}')");
    }

    // reference('symbol') of a module gives its template, so that .outputs.x.value evaluates the
    // module's output in the module; of a resource, a symbol naming the deployed resource.
    private ArmValue Reference(string name, ArmScope scope)
    {
        if (scope.SymbolicResources[name] is not JsonObject json)
        {
            return ArmValue.Unknown($"reference({ArmValue.Of(name).Render()})");
        }

        var resource = new ArmResource(json, scope, name);
        return resource.NestedScope is { } module
            ? ArmValue.FromTemplate(module.Template, module)
            : ArmValue.Unknown($"reference({Identity(resource)})");
    }

    [GeneratedRegex(@"^\{0\}(/\{\d+\})+$")]
    private static partial Regex SegmentPattern();
}
