namespace RoezanGhl.Core.Planning;

/// <summary><c>POST /contacts/{id}/tags</c>: additive and idempotent (a tag already there stays once).</summary>
public sealed record AddTagsStep : PlanStep
{
    public required IReadOnlyList<string> Tags { get; init; }

    public override bool WritesContact => true;

    public override string Describe() => $"POST /contacts/{{id}}/tags ({Tags.Count} tag{(Tags.Count == 1 ? "" : "s")})";
}
