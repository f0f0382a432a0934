using System.Text.Json;
using Azure.Data.Tables;
using RoezanGhl.Core.Planning;
using RoezanGhl.Core.Sync;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// How <see cref="EventLedger"/> maps an <see cref="EventLedgerEntry"/> to the table's columns and back. The column
/// names are those the rows were first written with, by the webhook (<c>AccountId</c>, <c>EventId</c>, <c>Type</c>,
/// <c>ContactId</c>, <c>OccurredAt</c>, <c>AcceptedAt</c>, <c>ClaimedAt</c>, …) and by the processor (<c>Outcome</c>,
/// <c>GhlContactId</c>, <c>Plan</c>, <c>Progress</c>, <c>Leases</c>, <c>CleanStop</c>, <c>LastAttemptAt</c>), plus
/// <c>Source</c> and <c>Target</c>, <c>ReDrives</c>, <c>PlanBlob</c> (a plan too large for the row is in that blob, <see cref="StateBlobs"/>)
/// and <c>PlanBodies</c> (the blob of the bodies the plan names by reference, <see cref="PlanBodies"/>). Reading accepts every row an earlier release wrote: a missing column is its default,
/// and an empty string (how that release's merges cleared a column) is no value.
/// </summary>
internal static class EventLedgerColumns
{
    public const string AccountId = "AccountId";
    public const string EventId = "EventId";
    public const string Type = "Type";
    public const string Source = "Source";
    public const string Target = "Target";
    public const string Status = "Status";
    public const string Attempts = "Attempts";
    public const string ReDrives = "ReDrives";
    public const string LastError = "LastError";
    public const string Outcome = "Outcome";
    public const string SourceContactId = "ContactId";
    public const string TargetContactId = "GhlContactId";
    public const string TargetTraceId = "GhlTraceId";
    public const string OccurredAt = "OccurredAt";
    public const string AcceptedAt = "AcceptedAt";
    public const string UpdatedAt = "UpdatedAt";
    public const string ClaimedAt = "ClaimedAt";
    public const string ClaimedBy = "ClaimedBy";
    public const string Plan = "Plan";
    public const string PlanBlob = "PlanBlob";
    public const string PlanBodies = "PlanBodies";
    public const string Progress = "Progress";
    public const string Leases = "Leases";
    public const string CleanStop = "CleanStop";
    public const string LastAttemptAt = "LastAttemptAt";

    // A table string holds at most 32K characters; a reason never needs that many.
    private const int MaxTextLength = 2000;

    /// <summary>
    /// The entry a row holds. Rows the processor inserted before the webhook wrote them have no account or event id
    /// column: <paramref name="accountId"/> and <paramref name="eventId"/> (as asked for) or the keys stand in.
    /// </summary>
    public static EventLedgerEntry Read(TableEntity row, string? accountId = null, string? eventId = null) => new()
    {
        AccountId = Text(row, AccountId) ?? accountId ?? TableKeys.Unescape(row.PartitionKey, EventLedgerKeys.EscapeMark),
        EventId = Text(row, EventId) ?? eventId ?? TableKeys.Unescape(row.RowKey, EventLedgerKeys.EscapeMark),
        Type = Text(row, Type),
        Direction = SyncDirection.Of(Parse<SyncSystem>(row, Source), Parse<SyncSystem>(row, Target)),
        Status = Parse<EventLedgerStatus>(row, Status) ?? EventLedgerStatus.Received,
        Attempts = row.GetInt32(Attempts) ?? 0,
        ReDrives = row.GetInt32(ReDrives) ?? 0,
        LastError = Text(row, LastError),
        Outcome = Text(row, Outcome),
        SourceContactId = Text(row, SourceContactId),
        TargetContactId = Text(row, TargetContactId),
        TargetTraceId = Text(row, TargetTraceId),
        OccurredAt = row.GetDateTimeOffset(OccurredAt),
        AcceptedAt = row.GetDateTimeOffset(AcceptedAt),
        UpdatedAt = row.GetDateTimeOffset(UpdatedAt),
        ClaimedAt = row.GetDateTimeOffset(ClaimedAt),
        ClaimedBy = Text(row, ClaimedBy),
        Plan = Text(row, Plan) is { } plan ? ReadPlan(plan) : null,
        PlanBlob = Text(row, PlanBlob),
        PlanBodiesBlob = Text(row, PlanBodies),
        Progress = Text(row, Progress) is { } progress ? JsonSerializer.Deserialize(progress, SyncStateJson.Context.ProcessingProgress) ?? ProcessingProgress.None : ProcessingProgress.None,
        Leases = Text(row, Leases) is { } leases ? JsonSerializer.Deserialize(leases, SyncStateJson.Context.ListString) ?? [] : [],
        CleanStop = row.GetBoolean(CleanStop) ?? true,
        LastAttemptAt = row.GetDateTimeOffset(LastAttemptAt),
        ETag = row.ETag,
    };

    /// <summary>The plan's JSON as written to storage (non-ASCII unescaped), or null for no plan.</summary>
    public static string? PlanJson(SyncPlan? plan) =>
        plan is null ? null : JsonSerializer.Serialize(plan, SyncStateJson.Context.SyncPlan);

    /// <summary>The JSON of a plan's bodies (<see cref="PlanBodies"/>), non-ASCII unescaped.</summary>
    public static string BodiesJson(IReadOnlyList<string> bodies) => JsonSerializer.Serialize(bodies.ToList(), SyncStateJson.Context.ListString);

    public static IReadOnlyList<string> ReadBodies(string json) => JsonSerializer.Deserialize(json, SyncStateJson.Context.ListString) ?? [];

    /// <summary>A plan as stored, in the row or in its blob (rows of earlier releases hold default-escaped JSON: it reads the same).</summary>
    public static SyncPlan? ReadPlan(string json) => JsonSerializer.Deserialize(json, SyncStateJson.Context.SyncPlan);

    /// <summary>
    /// The whole row for <paramref name="entry"/>, with its ETag, its plan where <paramref name="plan"/> says. A null
    /// value is no column (a replace removes it).
    /// </summary>
    public static TableEntity Write(EventLedgerEntry entry, StoredState plan)
    {
        var row = new TableEntity(EventLedgerKeys.PartitionKey(entry.AccountId), EventLedgerKeys.RowKey(entry.EventId))
        {
            [AccountId] = entry.AccountId,
            [EventId] = entry.EventId,
            [Source] = entry.Direction.Source.ToString(),
            [Target] = entry.Direction.Target.ToString(),
            [Status] = entry.Status.ToString(),
            [Attempts] = entry.Attempts,
            [CleanStop] = entry.CleanStop,
        };
        if (entry.ReDrives > 0)
        {
            row[ReDrives] = entry.ReDrives;
        }

        Set(row, Type, entry.Type);
        Set(row, LastError, Truncate(entry.LastError));
        Set(row, Outcome, Truncate(entry.Outcome));
        Set(row, SourceContactId, entry.SourceContactId);
        Set(row, TargetContactId, entry.TargetContactId);
        Set(row, TargetTraceId, entry.TargetTraceId);
        Set(row, OccurredAt, entry.OccurredAt);
        Set(row, AcceptedAt, entry.AcceptedAt);
        Set(row, UpdatedAt, entry.UpdatedAt);
        Set(row, ClaimedAt, entry.ClaimedAt);
        Set(row, ClaimedBy, entry.ClaimedBy);
        Set(row, Plan, plan.Inline);
        Set(row, PlanBlob, plan.BlobName);
        Set(row, PlanBodies, entry.PlanBodiesBlob);
        Set(row, Progress, entry.Progress.Steps.Count == 0 ? null : JsonSerializer.Serialize(entry.Progress, SyncStateJson.Context.ProcessingProgress));
        Set(row, Leases, entry.Leases.Count == 0 ? null : JsonSerializer.Serialize(entry.Leases.ToList(), SyncStateJson.Context.ListString));
        Set(row, LastAttemptAt, entry.LastAttemptAt);
        row.ETag = entry.ETag;
        return row;
    }

    private static void Set(TableEntity row, string column, string? value)
    {
        if (value is { Length: > 0 })
        {
            row[column] = value;
        }
    }

    private static void Set(TableEntity row, string column, DateTimeOffset? value)
    {
        if (value is { } at)
        {
            row[column] = at;
        }
    }

    private static string? Text(TableEntity row, string column) => row.GetString(column) is { Length: > 0 } value ? value : null;

    private static T? Parse<T>(TableEntity row, string column)
        where T : struct, Enum =>
        Enum.TryParse<T>(Text(row, column), out var value) ? value : null;

    private static string? Truncate(string? text) => text is { Length: > MaxTextLength } ? text[..(MaxTextLength - 3)] + "..." : text;
}
