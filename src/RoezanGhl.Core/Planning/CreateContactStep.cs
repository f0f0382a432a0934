namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /contacts/</c>. Not idempotent in GHL, so: under the event's creation claim only; a retry first
/// looks the contact up (<c>GET /contacts/search/duplicate</c> by phone, then email); a location that blocks
/// duplicates answers 400 with the existing contact's id, which is adopted.
/// </summary>
public sealed record CreateContactStep : PlanStep
{
    public required ContactFields Fields { get; init; }

    /// <summary>
    /// Tags sent in the create body (<c>CreateContactDto.tags</c>): a contact GHL makes has no tags to overwrite, so they
    /// cost no call of their own. A create that finds the contact instead (adopted) wrote none of them: the plan's next
    /// step, an <see cref="AddTagsStep"/> with <see cref="AddTagsStep.OnlyIfContactFound"/>, adds them then.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public override bool WritesContact => true;

    public override string Describe() =>
        $"POST /contacts/ ({Fields.DescribeMembers()}{(Tags.Count == 0 ? "" : $", {Tags.Count} tag{(Tags.Count == 1 ? "" : "s")}")})";
}
