namespace RoezanGhl.Engine.Console;

/// <summary>
/// One row of the Presets and SMS templates screen as the person left it: an entry of the account's
/// <c>mapping.automations</c> (<see cref="Entry"/>) or a ready-made template not listed yet (<see cref="Template"/>),
/// its switch and the values its editor shows. Values equal to the ready-made template's are not written as overrides.
/// </summary>
public sealed class AutomationRowEdit
{
    /// <summary>The index in <c>mapping.automations</c>; null for a ready-made template the account does not list yet.</summary>
    public int? Entry { get; set; }

    /// <summary>For a row without <see cref="Entry"/>: the ready-made template it lists when switched on.</summary>
    public string? Template { get; set; }

    public bool Enabled { get; set; }

    public string? Message { get; set; }

    public string? After { get; set; }

    public string? Before { get; set; }

    public int? MaxSegments { get; set; }

    /// <summary>tagAdded: the tags (null for other triggers).</summary>
    public List<string>? Tags { get; set; }

    /// <summary>inboundKeyword: the keywords (null for other triggers).</summary>
    public List<string>? Keywords { get; set; }
}
