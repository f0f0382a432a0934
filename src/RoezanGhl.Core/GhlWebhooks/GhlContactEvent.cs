namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// ContactCreate, ContactUpdate, ContactTagUpdate, ContactDndUpdate and ContactDelete: GHL sends the whole
/// contact each time (no list of changed fields). Only the members the sync reads are modelled; the rest of
/// the payload (address, company, source, …) is ignored.
/// </summary>
public sealed class GhlContactEvent : GhlWebhookEvent
{
    /// <summary>The GHL contact id.</summary>
    public string? Id { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    /// <summary>GHL's full name, as it stores it.</summary>
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>As GHL stores it (normally E.164).</summary>
    public string? Phone { get; set; }

    /// <summary>The contact's tags after the change (the whole set, not the difference).</summary>
    public List<string?>? Tags { get; set; }

    /// <summary>GHL's "do not disturb on all channels" switch.</summary>
    public bool? Dnd { get; set; }

    /// <summary>Per-channel do-not-disturb; sent with ContactDndUpdate.</summary>
    public GhlDndSettings? DndSettings { get; set; }

    public List<GhlCustomFieldValue?>? CustomFields { get; set; }

    public DateTimeOffset? DateAdded { get; set; }

    /// <summary>Not in HighLevel's documented payload, read when present.</summary>
    public DateTimeOffset? DateUpdated { get; set; }
}
