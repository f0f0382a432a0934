namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>PUT /contacts/{id}</c> with only the changed, non-empty values (never <c>tags</c>). Idempotent: the
/// same values written twice leave the same contact.
/// </summary>
public sealed record UpdateContactStep : PlanStep
{
    public required ContactFields Fields { get; init; }

    public override bool WritesContact => true;

    public override string Describe() => $"PUT /contacts/{{id}} ({Fields.DescribeMembers()})";
}
