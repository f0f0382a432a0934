using RoezanGhl.RoezanSimulator.State;

namespace RoezanGhl.RoezanSimulator.Operations;

/// <summary>
/// SIMULATOR ADMIN, not Roezan's API: what people and Roezan users do that tests need to cause —
/// seed contacts, an SMS arriving from a person, a STOP, a contact edited in Roezan's app, a carrier's
/// delivery report. The same as <c>/_sim/accounts/{accountId}/…</c> over HTTP. Changes other than a
/// seed send their webhooks, like changes through the API.
/// </summary>
/// <remarks>
/// Bad input throws <see cref="ArgumentException"/>; an unknown account, contact or message
/// <see cref="KeyNotFoundException"/> (over HTTP: 422 and 404).
/// </remarks>
public sealed class RoezanSimulatorAdmin
{
    private readonly RoezanSimulatorState _state;
    private readonly ContactChanges _changes;

    public RoezanSimulatorAdmin(RoezanSimulatorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        _state = state;
        _changes = new ContactChanges(state);
    }

    /// <summary>Stores a contact (phone required) as if it had always been there; no webhook. Tags and lists replace the existing ones.</summary>
    public RoezanContact SeedContact(string accountId, ContactFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var account = Account(accountId);
        var phone = Phone(fields.Phone, nameof(fields));
        lock (_state.Gate)
        {
            return _changes.Seed(account, fields with { Phone = phone });
        }
    }

    /// <summary>
    /// An SMS from <paramref name="from"/> arrives: the contact is created when new
    /// (<c>contact.created</c>), the message recorded (<c>message.received</c>); STOP/UNSUBSCRIBE/…
    /// opts the person out and START/UNSTOP back in (<c>contact.updated</c> with <c>optedOut</c>).
    /// </summary>
    public RoezanMessage ReceiveSms(string accountId, string from, string text, string? fromName = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var account = Account(accountId);
        var phone = Phone(from, nameof(from));
        lock (_state.Gate)
        {
            return _changes.Receive(account, phone, text, string.IsNullOrWhiteSpace(fromName) ? null : fromName.Trim());
        }
    }

    /// <summary>The person texts STOP: see <see cref="ReceiveSms"/>. Returns the contact as it now is.</summary>
    public RoezanContact OptOut(string accountId, string phone) => KeywordFrom(accountId, phone, "STOP");

    /// <summary>The person texts START after a STOP: see <see cref="ReceiveSms"/>.</summary>
    public RoezanContact OptIn(string accountId, string phone) => KeywordFrom(accountId, phone, "START");

    /// <summary>
    /// A Roezan user edits the contact in Roezan's app: given fields change (tags and lists are
    /// replaced, a new phone moves the contact) and <c>contact.updated</c> is sent when anything changed.
    /// </summary>
    public RoezanContact EditContact(string accountId, string contactId, ContactFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var account = Account(accountId);
        var phone = fields.Phone is null ? null : Phone(fields.Phone, nameof(fields));
        lock (_state.Gate)
        {
            return _changes.Edit(account, contactId, fields with { Phone = phone });
        }
    }

    /// <summary>A Roezan user adds tags to the contact in Roezan's app (the others are kept); <c>contact.updated</c> is sent when one is new.</summary>
    public RoezanContact AddTags(string accountId, string contactId, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var account = Account(accountId);
        lock (_state.Gate)
        {
            var current = _state.Account(account).ById(contactId) ?? throw new KeyNotFoundException($"Contact '{contactId}' not found.");
            return _changes.Edit(account, contactId, new ContactFields { Tags = [.. current.Tags.Union(tags, StringComparer.OrdinalIgnoreCase)] });
        }
    }

    /// <summary>The carrier reports a delivery status for a message (a <c>message.status</c> webhook when <see cref="RoezanSimulatorSettings.DeliveryReports"/> is on).</summary>
    public RoezanMessage SetMessageStatus(string accountId, string messageId, MessageStatus status)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentException($"Unknown status {(int)status}.", nameof(status));
        }

        var account = Account(accountId);
        lock (_state.Gate)
        {
            return _changes.SetStatus(account, messageId, status);
        }
    }

    private RoezanContact KeywordFrom(string accountId, string phone, string keyword)
    {
        var message = ReceiveSms(accountId, phone, keyword);
        lock (_state.Gate)
        {
            return _state.Account(message.AccountId).ById(message.ContactId)!;
        }
    }

    private string Account(string accountId) =>
        _state.ConfiguredAccount(accountId ?? "") ?? throw new KeyNotFoundException($"Account '{accountId}' is not configured.");

    private string Phone(string? raw, string parameter) =>
        PhoneNormalizer.TryToE164(raw, _state.Settings.DefaultRegion, out var e164)
            ? e164
            : throw new ArgumentException("The phone must be a valid phone number.", parameter);
}
