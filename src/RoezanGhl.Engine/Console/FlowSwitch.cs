namespace RoezanGhl.Engine.Console;

/// <summary>A flow and whether it runs for the account (its preset with the overrides applied); <see cref="Overridden"/>: the preset alone would say otherwise.</summary>
public sealed record FlowSwitch(string Flow, bool On, bool Overridden);
