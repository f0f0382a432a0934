using System.Globalization;
using System.Text.Json.Nodes;
using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>
/// The Roezan integration API as the endpoints call it, for an account the gate has already
/// authenticated: read and check the request, change the state through <see cref="ContactChanges"/>,
/// answer with a <see cref="RoezanResponses"/> body. Writes may be ghost writes: applied (webhooks
/// included), then answered as failed.
/// </summary>
internal sealed class RoezanApi(RoezanSimulatorState state, ContactChanges changes)
{
    public const int MaxMessages = 100;

    /// <summary><c>GET /integrations/contacts?phone=…</c> or <c>?email=…</c>.</summary>
    public SimResponse FindContact(string accountId, string? phone, string? email)
    {
        var errors = new BodyReader(new JsonObject { ["phone"] = phone?.Trim() is { Length: > 0 } p ? p : null });
        var e164 = errors.Phone("phone", state.Settings.DefaultRegion, required: false);
        if (string.IsNullOrWhiteSpace(phone) && string.IsNullOrWhiteSpace(email))
        {
            errors.Add("phone", "The phone field is required when email is not present.");
        }

        if (!errors.Valid)
        {
            return RoezanResponses.Invalid(errors.Errors);
        }

        lock (state.Gate)
        {
            var account = state.Account(accountId);
            var contact = e164 is not null ? account.ByPhone(e164) : account.ByEmail(email!.Trim());
            return contact is null ? RoezanResponses.NotFound("Contact") : RoezanResponses.Contact(contact);
        }
    }

    /// <summary><c>POST /integrations/contacts</c>: create or update by phone; 201 when created, 200 when updated.</summary>
    public SimResponse UpsertContact(string accountId, JsonObject body)
    {
        var reader = new BodyReader(body);
        var fields = ContactFields.Read(reader, state.Settings.DefaultRegion, phoneRequired: true, adminFields: false);
        if (!reader.Valid)
        {
            return RoezanResponses.Invalid(reader.Errors);
        }

        lock (state.Gate)
        {
            var outcome = changes.Upsert(accountId, fields, state.Settings.WebhookOnUnchangedUpsert);
            return state.NextGhostWrite() ? GhostAnswer() : RoezanResponses.Contact(outcome.Contact, outcome.Created ? 201 : 200);
        }
    }

    /// <summary><c>GET /integrations/contacts/{id}/messages?direction=inbound&amp;limit=100</c>: newest first.</summary>
    public SimResponse ListMessages(string accountId, string contactId, string? direction, string? limit)
    {
        var errors = new BodyReader([]);
        MessageDirection? wanted = direction?.Trim().ToUpperInvariant() switch
        {
            null or "" => null,
            "INBOUND" => MessageDirection.Inbound,
            "OUTBOUND" => MessageDirection.Outbound,
            _ => Invalid(errors, "direction", "The selected direction is invalid (inbound or outbound)."),
        };
        var count = MaxMessages;
        if (!string.IsNullOrWhiteSpace(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxMessages))
        {
            errors.Add("limit", $"The limit must be an integer between 1 and {MaxMessages}.");
        }

        if (!errors.Valid)
        {
            return RoezanResponses.Invalid(errors.Errors);
        }

        lock (state.Gate)
        {
            var account = state.Account(accountId);
            return account.ById(contactId) is null
                ? RoezanResponses.NotFound("Contact")
                : RoezanResponses.Messages(account.MessagesOf(contactId).Where(m => wanted is null || m.Direction == wanted).Take(count));
        }
    }

    /// <summary>
    /// <c>POST /integrations/message/send</c>: records an outbound message (status <c>Pending</c>) to
    /// the contact with this phone, creating it (or updating the names and email given) first. A
    /// contact that opted out, is invalid or is deleted is refused (<see cref="RoezanResponses.Refused"/>)
    /// and nothing is changed.
    /// </summary>
    public SimResponse SendMessage(string accountId, JsonObject body)
    {
        var reader = new BodyReader(body);
        var fields = ContactFields.Read(reader, state.Settings.DefaultRegion, phoneRequired: true, adminFields: false) with { Tags = null, Lists = null };
        var media = reader.TextList("media") ?? [];
        if (media.Any(url => !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            reader.Add("media", "Each media item must be an absolute http or https URL.");
        }

        var text = reader.Text("message", required: media.Count == 0) ?? "";
        if (!reader.Valid)
        {
            return RoezanResponses.Invalid(reader.Errors);
        }

        lock (state.Gate)
        {
            if (state.Account(accountId).ByPhone(fields.Phone!) is { } existing && Refusal(existing) is { } refusal)
            {
                return refusal;
            }

            var contact = changes.Upsert(accountId, fields, notifyUnchanged: false).Contact;
            var message = changes.Send(contact, text, media);
            return state.NextGhostWrite() ? GhostAnswer() : RoezanResponses.Sent(message);
        }
    }

    private static SimResponse? Refusal(RoezanContact contact) =>
        contact.OptedOut ? RoezanResponses.Refused("contact_opted_out", "The contact has opted out of receiving messages.")
        : contact.Invalid ? RoezanResponses.Refused("contact_invalid", "The contact's phone number cannot receive messages.")
        : contact.Deleted ? RoezanResponses.Refused("contact_deleted", "The contact has been deleted.")
        : null;

    private SimResponse GhostAnswer() => state.Settings.GhostWriteMode switch
    {
        GhostWriteMode.GatewayTimeout => RoezanResponses.ServerError(504),
        GhostWriteMode.Abort => new SimResponse(0, null, Abort: true),
        _ => RoezanResponses.ServerError(500),
    };

    private static MessageDirection? Invalid(BodyReader errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }
}
