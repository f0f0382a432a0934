using System.Text.Json;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.TestSupport.Planning;

/// <summary>Normalized events and snapshots for planner tests.</summary>
public static class PlanningEvents
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 15, 0, 0, TimeSpan.Zero);

    public static readonly RoezanAccountOptions Account = new() { GhlLocationId = "loc-1", DefaultPhoneRegion = "US", TimeZone = "America/New_York" };

    public static QueuedRoezanEvent Queue(RoezanEvent roezanEvent) =>
        new() { AccountId = "acct-1", AcceptedAt = T0, Event = roezanEvent };

    public static RoezanEvent Contact(string type, RoezanContact contact, string id = "evt_1", DateTimeOffset? at = null) =>
        new() { Id = id, Type = type, OccurredAt = at ?? T0, AccountId = "acct-1", Data = new RoezanEventData { Contact = contact } };

    public static RoezanContact Ana(Action<RoezanContact>? change = null)
    {
        var contact = new RoezanContact
        {
            Id = "c_1",
            FirstName = "Ana",
            LastName = "Diaz",
            Phone = "+12015550123",
            Email = "ana@example.com",
            Tags = ["vip"],
            CustomFields = new Dictionary<string, JsonElement> { ["plan"] = JsonSerializer.SerializeToElement("gold") },
        };
        change?.Invoke(contact);
        return contact;
    }

    public static RoezanEvent Message(string body, string from = "+12015550123", string? fromName = "Ana Diaz", string id = "evt_m1", string? contactId = null) =>
        new()
        {
            Id = id,
            Type = RoezanEventTypes.MessageReceived,
            OccurredAt = T0,
            AccountId = "acct-1",
            Data = new RoezanEventData
            {
                Message = new RoezanMessage { Id = "m_1", From = from, FromName = fromName, Body = body, ReceivedAt = T0, ContactId = contactId },
            },
        };

    public static RoezanEvent Task(string type, RoezanTask task, string id = "evt_t1", DateTimeOffset? at = null) =>
        new() { Id = id, Type = type, OccurredAt = at ?? T0, AccountId = "acct-1", Data = new RoezanEventData { Task = task } };

    public static RoezanEvent Note(string? body, string contactId = "c_1", string id = "evt_n1") =>
        new() { Id = id, Type = RoezanEventTypes.NoteCreated, OccurredAt = T0, AccountId = "acct-1", Data = new RoezanEventData { Note = new RoezanNote { Id = "n_1", ContactId = contactId, Body = body } } };

    public static SyncSnapshot Linked(ContactFields fields, DateTimeOffset? lastOccurredAt = null, string ghlId = "ghl-1") =>
        new() { Contact = new ContactSnapshot { GhlContactId = ghlId, Fields = fields, LastOccurredAt = lastOccurredAt, LastEventId = "evt_0" } };

    public static ContactFields AnaAsApplied => IdentityContactFieldMapping.Instance.Map(Ana());

    public static SyncPlan Plan(RoezanEvent roezanEvent, SyncSnapshot? snapshot = null, PlanningProfile? profile = null) =>
        SyncPlanner.Plan(Queue(roezanEvent), Account, profile ?? PlanningProfile.Default, snapshot ?? SyncSnapshot.Empty);
}
