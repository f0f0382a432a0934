namespace RoezanGhl.Ghl.Models;

/// <summary>Do-not-disturb state of one channel (<c>DndSettingSchema</c>).</summary>
public sealed class GhlDndSetting
{
    /// <summary><c>active</c>, <c>inactive</c> or <c>permanent</c>.</summary>
    public string Status { get; set; } = "inactive";

    public string? Message { get; set; }

    public string? Code { get; set; }
}
