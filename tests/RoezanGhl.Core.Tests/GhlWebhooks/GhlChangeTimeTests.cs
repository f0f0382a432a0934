using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

/// <summary>When a GHL change happened, as the stale check and the conflict rules read it (<see cref="QueuedGhlChange.ChangedAt"/>).</summary>
public sealed class GhlChangeTimeTests
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Sent = new(2026, 11, 20, 14, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(GhlWebhookEventTypes.ContactUpdate)]
    [InlineData(GhlWebhookEventTypes.ContactTagUpdate)]
    [InlineData(GhlWebhookEventTypes.ContactDndUpdate)]
    public void An_update_without_date_updated_happened_when_ghl_sent_it_not_when_the_contact_was_created(string type)
    {
        var change = new QueuedGhlChange { Type = type, Contact = new GhlContactEvent { Id = "ct_1", DateAdded = Created } };

        Assert.Equal(Sent, change.ChangedAt(Sent));
    }

    [Fact]
    public void An_update_with_date_updated_happened_then()
    {
        var updated = Sent.AddMinutes(-2);
        var change = new QueuedGhlChange { Type = GhlWebhookEventTypes.ContactUpdate, Contact = new GhlContactEvent { Id = "ct_1", DateAdded = Created, DateUpdated = updated } };

        Assert.Equal(updated, change.ChangedAt(Sent));
    }

    [Fact]
    public void A_new_contact_happened_when_it_was_added()
    {
        var change = new QueuedGhlChange { Type = GhlWebhookEventTypes.ContactCreate, Contact = new GhlContactEvent { Id = "ct_1", DateAdded = Created } };

        Assert.Equal(Created, change.ChangedAt(Sent));
    }

    [Fact]
    public void An_update_with_neither_date_nor_send_time_falls_back_to_the_creation_date()
    {
        var change = new QueuedGhlChange { Type = GhlWebhookEventTypes.ContactUpdate, Contact = new GhlContactEvent { Id = "ct_1", DateAdded = Created } };

        Assert.Equal(Created, change.ChangedAt(null));
    }
}
