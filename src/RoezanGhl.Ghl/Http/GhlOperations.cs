namespace RoezanGhl.Ghl.Http;

/// <summary>
/// The endpoints the client calls, each with the reason it may or may not be repeated once it may
/// have reached GHL (a timeout or dropped connection after sending, a 5xx). A request that never
/// left (local limiter, open circuit, failed connect) and a 429 (GHL did not apply it) are always
/// safe to repeat.
/// </summary>
internal static class GhlOperations
{
    // Reads change nothing.
    public static readonly GhlOperation GetContact = new("get-contact", HttpMethod.Get, "/contacts/{contactId}", true);
    public static readonly GhlOperation ListContacts = new("get-contacts", HttpMethod.Get, "/contacts/", true);
    public static readonly GhlOperation ListBusinessContacts = new("get-contacts-by-businessId", HttpMethod.Get, "/contacts/business/{businessId}", true);
    // A search is a POST but changes nothing.
    public static readonly GhlOperation SearchContacts = new("search-contacts-advanced", HttpMethod.Post, "/contacts/search", true);
    public static readonly GhlOperation FindDuplicate = new("get-duplicate-contact", HttpMethod.Get, "/contacts/search/duplicate", true);
    public static readonly GhlOperation ListTasks = new("get-all-tasks", HttpMethod.Get, "/contacts/{contactId}/tasks", true);
    public static readonly GhlOperation GetTask = new("get-task", HttpMethod.Get, "/contacts/{contactId}/tasks/{taskId}", true);
    public static readonly GhlOperation ListCustomFields = new("get-custom-fields", HttpMethod.Get, "/locations/{locationId}/customFields", true);
    public static readonly GhlOperation ListNotes = new("get-all-notes", HttpMethod.Get, "/contacts/{contactId}/notes", true);
    public static readonly GhlOperation GetNote = new("get-note", HttpMethod.Get, "/contacts/{contactId}/notes/{id}", true);
    public static readonly GhlOperation ListAppointments = new("get-appointments-for-contact", HttpMethod.Get, "/contacts/{contactId}/appointments", true);

    // A create makes a new object each time it is applied: sent twice, GHL holds two contacts, notes
    // or tasks. It is not repeated after it may have been applied; the caller gets OutcomeUnknown and
    // looks the object up (duplicate search, list notes/tasks) before creating again.
    public static readonly GhlOperation CreateContact = new("create-contact", HttpMethod.Post, "/contacts/", false);
    public static readonly GhlOperation CreateNote = new("create-note", HttpMethod.Post, "/contacts/{contactId}/notes", false);
    public static readonly GhlOperation CreateTask = new("create-task", HttpMethod.Post, "/contacts/{contactId}/tasks", false);

    // Upsert matches by email/phone, so a second application finds the contact the first one made and
    // updates it with the same values. Not so when createNewIfDuplicateAllowed is true (a location
    // that allows duplicates then creates again): the client switches to UpsertContactCreatingDuplicates.
    public static readonly GhlOperation UpsertContact = new("upsert-contact", HttpMethod.Post, "/contacts/upsert", true);
    public static readonly GhlOperation UpsertContactCreatingDuplicates = new("upsert-contact", HttpMethod.Post, "/contacts/upsert", false);

    // PUT sets fields to the given values: applying it twice leaves the same state.
    public static readonly GhlOperation UpdateContact = new("update-contact", HttpMethod.Put, "/contacts/{contactId}", true);
    public static readonly GhlOperation UpdateTask = new("update-task", HttpMethod.Put, "/contacts/{contactId}/tasks/{taskId}", true);
    public static readonly GhlOperation CompleteTask = new("update-task-completed", HttpMethod.Put, "/contacts/{contactId}/tasks/{taskId}/completed", true);

    // Adding a tag the contact already has, or removing one it lacks, changes nothing.
    public static readonly GhlOperation AddTags = new("add-tags", HttpMethod.Post, "/contacts/{contactId}/tags", true);
    public static readonly GhlOperation RemoveTags = new("remove-tags", HttpMethod.Delete, "/contacts/{contactId}/tags", true);

    // The Conversations API (Version 2021-04-15). Searching and listing read; a status update sets the
    // message's status, so repeating it leaves the same status. Adding an inbound message makes a new
    // message each time: the caller looks for it in the conversation before adding it again. Creating a
    // conversation is not repeated either: GHL keeps one per contact and refuses a second, so the caller
    // searches again instead.
    public static readonly GhlOperation SearchConversations = new("search-conversation", HttpMethod.Get, "/conversations/search", true, Conversations: true);
    public static readonly GhlOperation CreateConversation = new("create-conversation", HttpMethod.Post, "/conversations/", false, Conversations: true);
    public static readonly GhlOperation ListConversationMessages = new("get-messages", HttpMethod.Get, "/conversations/{conversationId}/messages", true, Conversations: true);
    public static readonly GhlOperation AddInboundMessage = new("add-an-inbound-message", HttpMethod.Post, "/conversations/messages/inbound", false, Conversations: true);
    public static readonly GhlOperation UpdateMessageStatus = new("update-message-status", HttpMethod.Put, "/conversations/messages/{messageId}/status", true, Conversations: true);

    // Deleting twice leaves the object deleted; a repeat after an applied first try may answer 404,
    // which callers of a delete treat as done.
    public static readonly GhlOperation DeleteContact = new("delete-contact", HttpMethod.Delete, "/contacts/{contactId}", true);
    public static readonly GhlOperation DeleteTask = new("delete-task", HttpMethod.Delete, "/contacts/{contactId}/tasks/{taskId}", true);
}
