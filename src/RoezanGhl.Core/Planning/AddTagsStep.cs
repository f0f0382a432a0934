namespace RoezanGhl.Core.Planning;

/// <summary><c>POST /contacts/{id}/tags</c>: additive and idempotent (a tag already there stays once).</summary>
public sealed record AddTagsStep : PlanStep
{
    public required IReadOnlyList<string> Tags { get; init; }

    /// <summary>
    /// True when the same tags went in the plan's <see cref="CreateContactStep"/>: sent only when that create found an
    /// existing contact (adopted: GHL wrote nothing of its body); skipped, without a call, when it made the contact.
    /// </summary>
    public bool OnlyIfContactFound { get; init; }

    public override bool WritesContact => true;

    public override string Describe() =>
        $"POST /contacts/{{id}}/tags ({Tags.Count} tag{(Tags.Count == 1 ? "" : "s")}{(OnlyIfContactFound ? ", only if the create found the contact" : "")})";
}
