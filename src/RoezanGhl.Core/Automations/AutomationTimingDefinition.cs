namespace RoezanGhl.Core.Automations;

/// <summary>
/// When the text is due: neither member means at once; <c>after</c> a delay from the trigger; <c>before</c> the
/// appointment starts. Offsets read <c>1d</c>, <c>24h</c>, <c>90m</c>, <c>1d2h30m</c> (see <see cref="Timing.TimingOffset"/>).
/// </summary>
public sealed class AutomationTimingDefinition
{
    public string? After { get; set; }

    public string? Before { get; set; }

    /// <summary>How far past its due time a text may still go (default 1h); later than that it is dropped.</summary>
    public string? Grace { get; set; }
}
