using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.TwoWay;

/// <summary>What to do with one GHL contact change (<see cref="GhlChangePlanner"/>).</summary>
public sealed record GhlChangeDecision
{
    public required GhlChangeDecisionKind Kind { get; init; }

    /// <summary>Why, without values: for the ledger's reason and for logs.</summary>
    public required string Reason { get; init; }

    /// <summary>For <see cref="GhlChangeDecisionKind.Apply"/>: the changed values (and the phone that keys the contact) and tags to add.</summary>
    public ContactFields Upsert { get; init; } = ContactFields.Empty;

    /// <summary>The mapped state both systems hold once the write is made (what is recorded on the link, and fingerprinted).</summary>
    public ContactFields NewState { get; init; } = ContactFields.Empty;

    public DateTimeOffset? NewStateAt { get; init; }

    /// <summary>The per-field change times to record with <see cref="NewState"/> (<see cref="FieldChangeTimes"/>).</summary>
    public IReadOnlyDictionary<string, FieldChange> NewStateFieldChanges { get; init; } = new Dictionary<string, FieldChange>(StringComparer.Ordinal);

    public IReadOnlyList<FieldConflict> Conflicts { get; init; } = [];

    /// <summary>
    /// After a conflict: the winning values to write back to GHL (<see cref="ConflictWriteBack"/> says why), whichever
    /// side won; empty without a conflict.
    /// </summary>
    public ContactFields GhlWriteBack { get; init; } = ContactFields.Empty;

    /// <summary>The mapped state GHL holds after <see cref="GhlWriteBack"/>: its fingerprint is stored before the write.</summary>
    public ContactFields GhlStateAfterWriteBack { get; init; } = ContactFields.Empty;

    /// <summary>
    /// The number the Roezan contact had when the phone was changed in GHL: the upsert goes to the new number (Roezan
    /// keys contacts by phone), the link moves there, and the contact under this number is tagged and left alone.
    /// </summary>
    public string? MovedFromPhone { get; init; }

    /// <summary>True when GHL's SMS do-not-disturb made this write carry the opt-out tag.</summary>
    public bool OptsOut { get; init; }
}
