namespace RoezanGhl.Engine.Operations;

/// <summary>One step of the go-live check: its name, whether it passed, what it did or why it failed, and how long it took.</summary>
public sealed record GoLiveCheckStep(string Name, bool Passed, string Detail, TimeSpan Elapsed);
