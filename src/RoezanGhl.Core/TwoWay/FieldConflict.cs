namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// One field changed on both sides within the window: both values (personal data: for the ledger entry, never for
/// logs) and which side won.
/// </summary>
public sealed record FieldConflict(string Field, string? GhlValue, string? RoezanValue, bool GhlWon)
{
    public override string ToString() => $"{Field}: GHL '{GhlValue}' vs Roezan '{RoezanValue}', {(GhlWon ? "GHL" : "Roezan")} kept";
}
