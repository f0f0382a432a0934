using Fluid;
using Fluid.Filters;
using Fluid.Values;
using NodaTime;
using RoezanGhl.Core.FollowUps;

namespace RoezanGhl.Core.Automations.Templates;

/// <summary>
/// The filters SMS templates get on top of Liquid's standard ones: <c>time</c> and <c>date</c> in the account's
/// culture, <c>default</c> that also marks a missing placeholder as covered, and <c>time_zone</c> through NodaTime
/// (Fluid's own reads the operating system's zone files).
/// </summary>
internal static class SmsTemplateFilters
{
    public static TemplateOptionsBuilder AddSmsFilters(this TemplateOptionsBuilder builder) => builder
        .AddFilter("default", Default)
        .AddFilter("time", Time)
        .AddFilter("date", Date)
        .AddFilter("time_zone", TimeZone);

    private static ValueTask<FluidValue> Default(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input is MissingPlaceholderValue missing)
        {
            SmsRenderTracker.Of(context)?.Covered(missing.Path);
        }

        return MiscFilters.Default(input, arguments, context);
    }

    /// <summary><c>{{ appointment.startTime | time }}</c>: the culture's short time ("3:30 PM", "15:30"); an argument is a .NET format ("HH:mm").</summary>
    private static ValueTask<FluidValue> Time(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || !input.TryGetDateTimeInput(context, out var value))
        {
            return ValueTask.FromResult(input);
        }

        var format = arguments.Count > 0 ? arguments.At(0).ToStringValue(context) : "t";
        return ValueTask.FromResult(Plain(value.ToString(format, context.CultureInfo)));
    }

    /// <summary>
    /// <c>{{ appointment.startTime | date }}</c>: the culture's long date ("Tuesday, March 10, 2026"); <c>date: "short"</c>
    /// its short date; a Liquid strftime format ("%A %-d %B") or a .NET one ("dddd d MMMM") as the argument.
    /// </summary>
    private static ValueTask<FluidValue> Date(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil())
        {
            return ValueTask.FromResult(input);
        }

        var format = arguments.Count > 0 ? arguments.At(0).ToStringValue(context) : "D";
        if (format.Contains('%', StringComparison.Ordinal) || !input.TryGetDateTimeInput(context, out var value))
        {
            return PlainAsync(MiscFilters.Date(input, arguments, context), context);
        }

        format = string.Equals(format, "short", StringComparison.OrdinalIgnoreCase) ? "d" : format;
        return ValueTask.FromResult(Plain(value.ToString(format, context.CultureInfo)));
    }

    /// <summary>
    /// ICU's patterns put a narrow or plain no-break space before AM/PM and inside dates; neither is GSM-7, and one
    /// of them would make the whole text UCS-2 (70 characters a part instead of 160), so they become plain spaces.
    /// </summary>
    private static FluidValue Plain(string text) => StringValue.Create(text.Replace('\u202F', ' ').Replace('\u00A0', ' '));

    private static async ValueTask<FluidValue> PlainAsync(ValueTask<FluidValue> formatted, TemplateContext context) =>
        Plain((await formatted.ConfigureAwait(false)).ToStringValue(context));

    /// <summary><c>time_zone: "Europe/London"</c>: the same moment in another IANA zone; an unknown zone leaves it as it is.</summary>
    private static ValueTask<FluidValue> TimeZone(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        if (input.IsNil() || !input.TryGetDateTimeInput(context, out var value) || AccountTimeZones.Find(arguments.At(0).ToStringValue(context)) is not { } zone)
        {
            return ValueTask.FromResult(input);
        }

        return ValueTask.FromResult<FluidValue>(DateTimeValue.Create(Instant.FromDateTimeOffset(value).InZone(zone).ToDateTimeOffset()));
    }
}
