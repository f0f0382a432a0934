using RoezanGhl.Ghl.Models;

namespace RoezanGhl.Ghl.Serialization;

/// <summary>
/// Answer of <c>POST /contacts/search</c>: the spec says only "200 Success"; GHL's search documentation gives
/// <c>{ contacts: [ { …, searchAfter: [ … ] } ], total }</c>. Each contact's <c>searchAfter</c> lands in
/// <see cref="GhlContact.AdditionalData"/>.
/// </summary>
internal sealed class GhlContactSearchResponse
{
    public List<GhlContact> Contacts { get; set; } = [];

    public long? Total { get; set; }
}
