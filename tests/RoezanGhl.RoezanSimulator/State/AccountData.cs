namespace RoezanGhl.RoezanSimulator.State;

/// <summary>The contacts (by phone and by id) and messages of one account. Guarded by the state's lock.</summary>
internal sealed class AccountData
{
    private readonly Dictionary<string, RoezanContact> _byPhone = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _phoneById = new(StringComparer.Ordinal);
    private readonly List<string> _contactOrder = [];
    private readonly List<RoezanMessage> _messages = [];
    private readonly Dictionary<string, int> _messageIndex = new(StringComparer.Ordinal);

    /// <summary>The contacts in the order they were created.</summary>
    public IReadOnlyList<RoezanContact> Contacts => [.. _contactOrder.Select(id => _byPhone[_phoneById[id]])];

    public IReadOnlyList<RoezanMessage> Messages => [.. _messages];

    public RoezanContact? ByPhone(string phone) => _byPhone.GetValueOrDefault(phone);

    public RoezanContact? ById(string id) => _phoneById.TryGetValue(id, out var phone) ? _byPhone[phone] : null;

    /// <summary>The oldest contact with this email (ignoring case): Roezan keys by phone, so several may share one.</summary>
    public RoezanContact? ByEmail(string email) =>
        Contacts.FirstOrDefault(contact => string.Equals(contact.Email, email, StringComparison.OrdinalIgnoreCase));

    /// <summary>Stores a new or changed contact; a changed phone moves its key.</summary>
    public void Put(RoezanContact contact)
    {
        if (!_phoneById.TryGetValue(contact.Id, out var previousPhone))
        {
            _contactOrder.Add(contact.Id);
        }
        else if (previousPhone != contact.Phone)
        {
            _byPhone.Remove(previousPhone);
        }

        _byPhone[contact.Phone] = contact;
        _phoneById[contact.Id] = contact.Phone;
    }

    public void Add(RoezanMessage message)
    {
        _messageIndex[message.Id] = _messages.Count;
        _messages.Add(message);
    }

    public RoezanMessage? Message(string id) => _messageIndex.TryGetValue(id, out var index) ? _messages[index] : null;

    public void Replace(RoezanMessage message) => _messages[_messageIndex[message.Id]] = message;

    /// <summary>A contact's messages, newest first.</summary>
    public IEnumerable<RoezanMessage> MessagesOf(string contactId) =>
        _messages.Where(message => message.ContactId == contactId).Reverse();
}
