using System.Text.Json;
using System.Text.Json.Serialization;

namespace RoezanGhl.Storage.Ledger;

/// <summary>
/// The JSON options every piece of sync state written to storage uses (plans, progress, leases, applied values): the
/// naming of <see cref="SyncStateJsonContext"/>, and non-ASCII written as itself (<see cref="StorageJsonEncoder"/>),
/// not as <c>\uXXXX</c>, so that a body the webhook accepted still fits where it is stored. Rows written with the
/// default escaping by earlier releases read the same: escaping changes only how a string is spelled in JSON.
/// </summary>
internal static class SyncStateJson
{
    public static SyncStateJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = StorageJsonEncoder.Instance,
    });
}
