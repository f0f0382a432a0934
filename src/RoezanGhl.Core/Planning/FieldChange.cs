using RoezanGhl.Core.Sync;

namespace RoezanGhl.Core.Planning;

/// <summary>When one field of a linked contact last changed, and in which system (recorded on the link per field).</summary>
public sealed record FieldChange(DateTimeOffset At, SyncSystem Side);
