namespace RoezanGhl.Engine.Operations;

/// <summary>What an operator gave (an event to plan, a filter) cannot be used; the message says why, in one line.</summary>
public sealed class OperatorInputException(string message) : Exception(message);
