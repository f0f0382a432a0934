namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /contacts/</c>. Not idempotent in GHL, so: under the event's creation claim only; a retry first
/// looks the contact up (<c>GET /contacts/search/duplicate</c> by phone, then email); a location that blocks
/// duplicates answers 400 with the existing contact's id, which is adopted.
/// </summary>
public sealed record CreateContactStep : PlanStep
{
    public required ContactFields Fields { get; init; }

    public override bool WritesContact => true;

    public override string Describe() => $"POST /contacts/ ({Fields.DescribeMembers()})";
}
