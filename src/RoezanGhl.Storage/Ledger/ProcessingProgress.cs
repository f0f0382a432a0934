using RoezanGhl.Core.Planning;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// How far an event's stored plan got: one result per completed step, in order, and the GHL contact and
/// task the steps made or found. Written to the ledger entry (with its ETag) after each step, so that a
/// re-delivery starts at <c>Steps.Count</c> and never repeats a step that completed.
/// </summary>
public sealed record ProcessingProgress
{
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    public string? GhlContactId { get; init; }

    public string? GhlTaskId { get; init; }

    public static ProcessingProgress None { get; } = new();

    public ProcessingProgress With(StepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return this with
        {
            Steps = [.. Steps, result],
            GhlContactId = result.GhlContactId ?? GhlContactId,
            GhlTaskId = result.GhlTaskId ?? GhlTaskId,
        };
    }
}
