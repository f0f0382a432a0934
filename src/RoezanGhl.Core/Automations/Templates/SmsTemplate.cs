using System.Diagnostics.CodeAnalysis;
using Fluid;
using Fluid.Values;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// One SMS template in Liquid (Fluid), parsed once and rendered many times. Safe by construction: the model is
/// a fixed set of values (<see cref="SmsTemplateModel"/>), no .NET member is reachable, no file can be included,
/// and steps, recursion, loops and output are bounded. A render never throws for what the template or the data
/// holds: a missing value renders empty and is reported, a broken limit is a <see cref="SmsRenderResult.Failure"/>.
/// </summary>
public sealed class SmsTemplate
{
    /// <summary>The longest template source accepted (ten GSM-7 parts of text plus room for Liquid).</summary>
    public const int MaxSourceLength = 2_000;

    /// <summary>The longest rendered text: past it the render fails rather than build a message no one would send.</summary>
    public const int MaxOutputLength = 2_000;

    private static readonly FluidParser Parser = new();

    private static readonly TemplateOptions Options = new TemplateOptionsBuilder()
        .WithMaxSteps(10_000)
        .WithMaxRecursion(20)
        .WithMaxOutputSize(MaxOutputLength)
        .WithMaxCollectionSize(100)
        .WithUndefined((path, _) => ValueTask.FromResult<FluidValue>(new MissingPlaceholderValue(path)))
        .AddSmsFilters()
        .Build();

    private readonly IFluidTemplate _template;

    private SmsTemplate(string source, IFluidTemplate template)
    {
        Source = source;
        _template = template;
    }

    public string Source { get; }

    /// <summary>Parses a template; <paramref name="error"/> says what is wrong and where (line and column).</summary>
    public static bool TryParse(string? source, [NotNullWhen(true)] out SmsTemplate? template, [NotNullWhen(false)] out string? error)
    {
        template = null;
        if (string.IsNullOrWhiteSpace(source))
        {
            error = "is empty.";
            return false;
        }

        if (source.Length > MaxSourceLength)
        {
            error = $"is longer than {MaxSourceLength} characters.";
            return false;
        }

        if (!Parser.TryParse(source, out var parsed, out var parseError))
        {
            // Fluid appends the source after the position; the position is enough.
            error = $"is not a valid Liquid template: {parseError.Split('\n')[0].Trim()}";
            return false;
        }

        template = new SmsTemplate(source, parsed);
        error = null;
        return true;
    }

    /// <summary>Renders the model. Leading and trailing white space (left by Liquid tags) is removed.</summary>
    public SmsRenderResult Render(SmsTemplateModel model, SmsRenderSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(settings);
        var context = new TemplateContext(Options)
        {
            CultureInfo = settings.Culture,
            Now = () => settings.Now.InZone(settings.Zone).ToDateTimeOffset(),
            CancellationToken = cancellationToken,
        };
        var tracker = SmsRenderTracker.Attach(context);
        foreach (var (name, value) in SmsTemplateValues.Roots(model, settings.Zone))
        {
            context.SetValue(name, value);
        }

        try
        {
            var text = _template.Render(context).Trim();
            return new SmsRenderResult(text, tracker.Missing, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // What a template can make Fluid throw is open-ended (limits are InvalidOperationException, include without a
            // file FileNotFoundException, a bad date format LiquidException): each is this template's problem, never the caller's.
            return new SmsRenderResult(string.Empty, tracker.Missing, $"the template could not be rendered: {ex.Message}");
        }
    }
}
