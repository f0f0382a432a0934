namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>DELETE /contacts/{id}/tags</c>: mirror mode only, for tags this app put on the contact that Roezan no
/// longer has. Idempotent (removing a tag the contact lacks changes nothing).
/// </summary>
public sealed record RemoveTagsStep : PlanStep
{
    public required IReadOnlyList<string> Tags { get; init; }

    public override bool WritesContact => true;

    public override string Describe() => $"DELETE /contacts/{{id}}/tags ({Tags.Count} tag{(Tags.Count == 1 ? "" : "s")})";
}
