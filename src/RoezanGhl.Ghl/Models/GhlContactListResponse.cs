namespace RoezanGhl.Ghl.Models;

/// <summary>Answer of <c>GET /contacts/</c> and <c>GET /contacts/business/{businessId}</c> (<c>ContactsSearchSuccessfulResponseDto</c>).</summary>
public sealed class GhlContactListResponse
{
    public List<GhlContact> Contacts { get; set; } = [];

    public long? Count { get; set; }

    /// <summary>The cursor; GHL sends it on <c>GET /contacts/</c> although the spec's DTO omits it.</summary>
    public GhlContactListMeta? Meta { get; set; }
}
