namespace RoezanGhl.Engine.Console;

/// <summary>A GHL location's daily budget and how much of it is used (null: GHL has not said yet on this instance).</summary>
public sealed record LocationBudgetUse(string LocationId, long DailyLimit, long? Used);
