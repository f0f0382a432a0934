namespace RoezanGhl.Core.Events;

/// <summary>
/// One thing wrong with an event: the field as a dotted path from the body's root
/// (<c>data.contact.email</c>, <c>data.contact.tags[2]</c>; <c>body</c> for the whole body) and what is wrong.
/// </summary>
public readonly record struct RoezanFieldError(string Field, string Message);
