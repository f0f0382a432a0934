namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The <c>type</c> values of the GHL webhooks this app reads (HighLevel's names, case-sensitive) and which of
/// them the sync applies. Any other type is <see cref="GhlWebhookEventKind.Unrecognized"/>.
/// </summary>
public static class GhlWebhookEventTypes
{
    public const string ContactCreate = "ContactCreate";
    public const string ContactUpdate = "ContactUpdate";
    public const string ContactTagUpdate = "ContactTagUpdate";
    public const string ContactDndUpdate = "ContactDndUpdate";
    public const string ContactDelete = "ContactDelete";
    public const string NoteCreate = "NoteCreate";
    public const string TaskCreate = "TaskCreate";
    public const string TaskComplete = "TaskComplete";
    public const string AppointmentCreate = "AppointmentCreate";
    public const string AppointmentUpdate = "AppointmentUpdate";
    public const string AppointmentDelete = "AppointmentDelete";

    /// <summary>Every type the webhook door parses into its own model, in the order of <see cref="GhlWebhookEventKind"/>.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ContactCreate, ContactUpdate, ContactTagUpdate, ContactDndUpdate, ContactDelete, NoteCreate, TaskCreate,
        TaskComplete, AppointmentCreate, AppointmentUpdate, AppointmentDelete,
    ];

    /// <summary>The kind of a <c>type</c> value; <see cref="GhlWebhookEventKind.Unrecognized"/> for anything else (or none).</summary>
    public static GhlWebhookEventKind KindOf(string? type) => type switch
    {
        ContactCreate => GhlWebhookEventKind.ContactCreate,
        ContactUpdate => GhlWebhookEventKind.ContactUpdate,
        ContactTagUpdate => GhlWebhookEventKind.ContactTagUpdate,
        ContactDndUpdate => GhlWebhookEventKind.ContactDndUpdate,
        ContactDelete => GhlWebhookEventKind.ContactDelete,
        NoteCreate => GhlWebhookEventKind.NoteCreate,
        TaskCreate => GhlWebhookEventKind.TaskCreate,
        TaskComplete => GhlWebhookEventKind.TaskComplete,
        AppointmentCreate => GhlWebhookEventKind.AppointmentCreate,
        AppointmentUpdate => GhlWebhookEventKind.AppointmentUpdate,
        AppointmentDelete => GhlWebhookEventKind.AppointmentDelete,
        _ => GhlWebhookEventKind.Unrecognized,
    };

    /// <summary>The events the sync applies to Roezan or the SMS automations plan from (appointments); the door queues these and acknowledges the rest.</summary>
    public static bool IsApplied(GhlWebhookEventKind kind) =>
        IsContact(kind) || IsAppointment(kind) || kind is GhlWebhookEventKind.NoteCreate or GhlWebhookEventKind.TaskCreate or GhlWebhookEventKind.TaskComplete;

    public static bool IsContact(GhlWebhookEventKind kind) =>
        kind is GhlWebhookEventKind.ContactCreate or GhlWebhookEventKind.ContactUpdate or GhlWebhookEventKind.ContactTagUpdate
            or GhlWebhookEventKind.ContactDndUpdate or GhlWebhookEventKind.ContactDelete;

    public static bool IsTask(GhlWebhookEventKind kind) =>
        kind is GhlWebhookEventKind.TaskCreate or GhlWebhookEventKind.TaskComplete;

    public static bool IsAppointment(GhlWebhookEventKind kind) =>
        kind is GhlWebhookEventKind.AppointmentCreate or GhlWebhookEventKind.AppointmentUpdate or GhlWebhookEventKind.AppointmentDelete;
}
