using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Operations;

/// <summary>How a plan preview is made: links read or not, personal values in full or masked, and a candidate profile (null: the one in force).</summary>
public sealed record PlanPreviewRequest
{
    public bool Offline { get; init; }

    public bool ShowPersonalData { get; init; }

    public PlanningProfile? Profile { get; init; }
}
