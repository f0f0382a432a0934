namespace RoezanGhl.Core.Automations;

/// <summary>An account's sending hours in its local time: <c>{"start": "08:00", "end": "21:00"}</c> (the default); <c>end</c> may be <c>24:00</c>.</summary>
public sealed class SendingHoursDefinition
{
    public string? Start { get; set; }

    public string? End { get; set; }
}
