namespace RoezanGhl.Core.Planning;

/// <summary>
/// <c>POST /contacts/upsert</c> without <c>tags</c> (they would replace GHL's). Idempotent through GHL's
/// own matching on phone/email: repeating it after a ghost write updates the contact the first call made.
/// The answer is compared with <see cref="Fields"/>: GHL may match one contact by email and another by
/// phone and silently drop a field, which the processor records as a conflict.
/// </summary>
public sealed record UpsertContactStep : PlanStep
{
    public required ContactFields Fields { get; init; }

    public override bool WritesContact => true;

    public override string Describe() => $"POST /contacts/upsert ({Fields.DescribeMembers()})";
}
