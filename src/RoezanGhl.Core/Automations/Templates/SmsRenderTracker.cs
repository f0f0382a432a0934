using Fluid;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// What one render learnt about missing placeholders: those written out empty, and those a <c>default</c>
/// filter replaced. Kept in the render's <see cref="TemplateContext.AmbientValues"/>, so renders never share one.
/// </summary>
internal sealed class SmsRenderTracker
{
    private const string Key = "roezanghl.sms.tracker";

    private readonly List<string> _written = [];
    private readonly HashSet<string> _covered = new(StringComparer.Ordinal);

    /// <summary>Placeholders rendered empty without a fallback, in order of first appearance.</summary>
    public IReadOnlyList<string> Missing => _written.Where(path => !_covered.Contains(path)).Distinct(StringComparer.Ordinal).ToList();

    public static SmsRenderTracker Attach(TemplateContext context)
    {
        var tracker = new SmsRenderTracker();
        context.AmbientValues[Key] = tracker;
        return tracker;
    }

    public static SmsRenderTracker? Of(TemplateContext context) => context.AmbientValues.GetValueOrDefault(Key) as SmsRenderTracker;

    public void Written(string path) => _written.Add(path);

    public void Covered(string path) => _covered.Add(path);
}
