using System.Text.Encodings.Web;
using Fluid;
using Fluid.Values;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// A placeholder with no value (a contact without a first name, a misspelt member). It behaves as Liquid's nil
/// (false in <c>if</c>, replaced by <c>default</c>) and remembers its path, so that a render can report the
/// placeholders it wrote out empty.
/// </summary>
internal sealed class MissingPlaceholderValue(string path) : BaseNilValue
{
    public string Path { get; } = path;

    public override ValueTask<FluidValue> GetValueAsync(string name, TemplateContext context) =>
        ValueTask.FromResult<FluidValue>(new MissingPlaceholderValue($"{Path}.{name}"));

    public override string ToStringValue(TemplateContext context)
    {
        // A filter (upcase, append, …) turned it into text: it reaches the message empty.
        SmsRenderTracker.Of(context)?.Written(Path);
        return string.Empty;
    }

    public override ValueTask WriteToAsync(IFluidOutput output, TextEncoder encoder, TemplateContext context)
    {
        SmsRenderTracker.Of(context)?.Written(Path);
        return ValueTask.CompletedTask;
    }

    public override bool Equals(FluidValue other) => other is not null && other.IsNil();

    public override bool Equals(object? obj) => obj is FluidValue value && Equals(value);

    public override int GetHashCode() => 0;
}
