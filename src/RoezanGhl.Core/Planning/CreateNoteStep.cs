namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /contacts/{id}/notes</c>. The body ends with <c>ref: {Reference}</c>; a retry after an unknown
/// outcome lists the contact's notes and adopts the one carrying the reference instead of creating again.
/// </summary>
public sealed record CreateNoteStep : PlanStep
{
    /// <summary>The full body as sent, reference line included.</summary>
    public required string Body { get; init; }

    public required string Reference { get; init; }

    public override string Describe() => $"POST /contacts/{{id}}/notes ({Body.Length} chars, ref {Reference})";
}
