using RoezanGhl.RoezanSimulator.State;
using RoezanGhl.RoezanSimulator.Webhooks;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>
/// Every change to contacts and messages, shared by the Roezan API and the simulator admin. Each
/// runs under the state's lock and publishes its webhook events there, so events keep the order of
/// the changes. Phones are E.164 here; the callers read and check them.
/// </summary>
internal sealed class ContactChanges(RoezanSimulatorState state)
{
    // The keywords US carriers and CTIA guidelines require SMS senders to honour.
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase) { "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT" };
    private static readonly HashSet<string> StartWords = new(StringComparer.OrdinalIgnoreCase) { "START", "UNSTOP" };

    /// <summary>
    /// Creates or updates the contact with <paramref name="fields"/>' phone. Sends <c>contact.created</c>,
    /// or <c>contact.updated</c> when something changed or <paramref name="notifyUnchanged"/>.
    /// Call under the state's lock when the caller has more to do atomically (a ghost-write draw).
    /// </summary>
    public UpsertOutcome Upsert(string accountId, ContactFields fields, bool notifyUnchanged)
    {
        var now = state.Time.GetUtcNow();
        var account = state.Account(accountId);
        var existing = account.ByPhone(fields.Phone!);
        var contact = fields.ApplyTo(existing ?? NewContact(accountId, fields.Phone!, now), now, state.Settings.ReplaceTagsOnUpsert);
        var changed = existing is null || !contact.SameFieldsAs(existing);
        contact = changed || existing is null ? contact : existing;
        account.Put(contact);
        if (existing is null || changed || notifyUnchanged)
        {
            PublishContact(existing is null ? RoezanWebhookEvents.ContactCreated : RoezanWebhookEvents.ContactUpdated, contact, now);
        }

        state.Changed();
        return new UpsertOutcome(contact, existing is null, changed);
    }

    /// <summary>Stores a contact as if it had always been there: no webhook.</summary>
    public RoezanContact Seed(string accountId, ContactFields fields)
    {
        var now = state.Time.GetUtcNow();
        var account = state.Account(accountId);
        var contact = fields.ApplyTo(account.ByPhone(fields.Phone!) ?? NewContact(accountId, fields.Phone!, now), now, replaceLists: true);
        account.Put(contact);
        state.Changed();
        return contact;
    }

    /// <summary>A Roezan user edits the contact in Roezan's app (a changed phone moves its key): <c>contact.updated</c> when something changed.</summary>
    /// <exception cref="KeyNotFoundException">No such contact.</exception>
    /// <exception cref="ArgumentException">The new phone belongs to another contact.</exception>
    public RoezanContact Edit(string accountId, string contactId, ContactFields fields)
    {
        var account = state.Account(accountId);
        var existing = account.ById(contactId) ?? throw new KeyNotFoundException($"Contact '{contactId}' not found.");
        if (fields.Phone is { } phone && account.ByPhone(phone) is { } holder && holder.Id != contactId)
        {
            throw new ArgumentException("The phone belongs to another contact.", nameof(fields));
        }

        var contact = fields.ApplyTo(existing, state.Time.GetUtcNow(), replaceLists: true);
        if (!contact.SameFieldsAs(existing))
        {
            account.Put(contact);
            PublishContact(RoezanWebhookEvents.ContactUpdated, contact, contact.UpdatedAt);
            state.Changed();
        }

        return account.ById(contactId)!;
    }

    /// <summary>
    /// An SMS from <paramref name="phone"/>: creates the contact when new (<c>contact.created</c>),
    /// records the message (<c>message.received</c>), and a STOP or START keyword opts the person out
    /// or back in (<c>contact.updated</c> carrying <c>optedOut</c>).
    /// </summary>
    public RoezanMessage Receive(string accountId, string phone, string text, string? fromName)
    {
        var now = state.Time.GetUtcNow();
        var account = state.Account(accountId);
        var contact = account.ByPhone(phone);
        if (contact is null)
        {
            contact = NewContact(accountId, phone, now);
            account.Put(contact);
            PublishContact(RoezanWebhookEvents.ContactCreated, contact, now);
        }

        var message = NewMessage(contact, MessageDirection.Inbound, text, [], MessageStatus.Delivered, now);
        account.Add(message);
        state.Publish(accountId, RoezanWebhookEvents.MessageReceived, id => RoezanWebhookEvents.MessageReceivedFrom(id, message, contact, fromName));

        var keyword = text.Trim();
        var optedOut = StopWords.Contains(keyword) && !contact.OptedOut ? contact with { OptedIn = false, OptedOutAt = now, UpdatedAt = now }
            : StartWords.Contains(keyword) && contact.OptedOut ? contact with { OptedIn = true, OptedOutAt = null, UpdatedAt = now }
            : null;
        if (optedOut is not null)
        {
            account.Put(optedOut);
            PublishContact(RoezanWebhookEvents.ContactUpdated, optedOut, now);
        }

        state.Changed();
        return message;
    }

    /// <summary>
    /// Records an outbound SMS to <paramref name="contact"/> (status <c>Pending</c>). The caller has checked the contact may
    /// be texted. With <see cref="RoezanSimulatorSettings.DeliveryReports"/> on, the carrier's report is played at once:
    /// the message list shows the final status, <c>message.status</c> Sent is due now and the final one after
    /// <see cref="RoezanSimulatorSettings.DeliveryReportDelayMs"/>.
    /// </summary>
    public RoezanMessage Send(RoezanContact contact, string text, IReadOnlyList<string> media)
    {
        var now = state.Time.GetUtcNow();
        var message = NewMessage(contact, MessageDirection.Outbound, text, media, MessageStatus.Pending, now);
        var account = state.Account(contact.AccountId);
        account.Add(message);
        var settings = state.Settings;
        if (settings.DeliveryReports != DeliveryReportMode.Off)
        {
            var final = settings.DeliveryReports == DeliveryReportMode.Undelivered ? MessageStatus.Undelivered : MessageStatus.Delivered;
            account.Replace(message with { Status = final });
            PublishStatus(message, MessageStatus.Sent, now, null);
            PublishStatus(message, final, now + TimeSpan.FromMilliseconds(settings.DeliveryReportDelayMs), now + TimeSpan.FromMilliseconds(settings.DeliveryReportDelayMs));
        }

        state.Changed();
        return message;
    }

    /// <summary>
    /// The carrier reports a delivery status: it shows in the message list, and with
    /// <see cref="RoezanSimulatorSettings.DeliveryReports"/> on a <c>message.status</c> webhook carries it.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such message.</exception>
    public RoezanMessage SetStatus(string accountId, string messageId, MessageStatus status)
    {
        var account = state.Account(accountId);
        var message = (account.Message(messageId) ?? throw new KeyNotFoundException($"Message '{messageId}' not found.")) with { Status = status };
        account.Replace(message);
        if (state.Settings.DeliveryReports != DeliveryReportMode.Off && message.Direction == MessageDirection.Outbound)
        {
            PublishStatus(message, status, state.Time.GetUtcNow(), null);
        }

        state.Changed();
        return message;
    }

    private void PublishStatus(RoezanMessage message, MessageStatus status, DateTimeOffset at, DateTimeOffset? dueAt) =>
        state.Publish(message.AccountId, RoezanWebhookEvents.MessageStatus, id => RoezanWebhookEvents.MessageStatusOf(id, message, status, at), dueAt);

    // occurredAt is when the save happened, also for a save that changed nothing.
    private void PublishContact(string type, RoezanContact contact, DateTimeOffset occurredAt) =>
        state.Publish(contact.AccountId, type, id => RoezanWebhookEvents.ContactChanged(id, type, contact, occurredAt));

    private RoezanContact NewContact(string accountId, string phone, DateTimeOffset now) =>
        new() { Id = state.NewId("ct"), AccountId = accountId, Phone = phone, CreatedAt = now, UpdatedAt = now };

    private RoezanMessage NewMessage(RoezanContact contact, MessageDirection direction, string text, IReadOnlyList<string> media, MessageStatus status, DateTimeOffset now) =>
        new()
        {
            Id = state.NewId("msg"),
            AccountId = contact.AccountId,
            ContactId = contact.Id,
            Phone = contact.Phone,
            Direction = direction,
            Content = text,
            Media = media,
            Status = status,
            CreatedAt = now,
        };
}
