using Fluid;
using Fluid.Values;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// An object of the template model (<c>contact</c>, <c>contact.customFields</c>, …): a fixed set of named values
/// and nothing else, so a template reaches no .NET member by reflection. Names are read case-insensitively and
/// without underscores, so GHL's <c>first_name</c> style finds <c>firstName</c>. Any other name, or a member
/// without a value, is a <see cref="MissingPlaceholderValue"/>.
/// </summary>
internal sealed class TemplateObjectValue : FluidValue
{
    private readonly string _path;
    private readonly Dictionary<string, FluidValue?> _members;

    public TemplateObjectValue(string path, IEnumerable<KeyValuePair<string, FluidValue?>> members)
    {
        _path = path;
        _members = new Dictionary<string, FluidValue?>(StringComparer.Ordinal);
        foreach (var (name, value) in members)
        {
            _members.TryAdd(Normalize(name), value);
        }
    }

    public override FluidValues Type => FluidValues.Dictionary;

    public static string Normalize(string name) => name.Replace("_", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        ValueTask.FromResult(_members.GetValueOrDefault(Normalize(name)) ?? new MissingPlaceholderValue($"{_path}.{name}"));

    public override ValueTask<FluidValue> GetIndexAsync(FluidValue index, TemplateContext context) =>
        GetValueAsync(index.ToStringValue(context), context);

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => _path.GetHashCode(StringComparison.Ordinal);

    public override bool ToBooleanValue(TemplateContext context) => true;

    public override decimal ToNumberValue(TemplateContext context) => 0;

    // An object written out whole ({{ contact }}) renders nothing: a text should never show a dump.
    public override string ToStringValue(TemplateContext context) => string.Empty;

    public override object ToObjectValue(TemplateContext context) => this;
}
