using System.Text.Json.Serialization;

namespace RoezanGhl.Ghl.Models;

/// <summary>The <c>meta</c> of a contact list answer (<c>ContactsMetaSchema</c>): the next cursor.</summary>
public sealed class GhlContactListMeta
{
    public long? Total { get; set; }

    public string? NextPageUrl { get; set; }

    public string? StartAfterId { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? StartAfter { get; set; }

    public int? CurrentPage { get; set; }

    public int? NextPage { get; set; }

    public int? PrevPage { get; set; }
}
