namespace RoezanGhl.Ghl.Models;

/// <summary>One page of <c>GET /contacts/</c>, with the cursor of the next page (null on the last).</summary>
public sealed record GhlContactPage(IReadOnlyList<GhlContact> Contacts, long? Total, GhlContactListQuery? NextCursor);
