namespace RoezanGhl.GhlSimulator.State;

/// <summary>The body properties GHL accepts per operation (from the spec); others answer 422 "should not exist".</summary>
internal static class SimulatorFields
{
    public static readonly string[] UpdateContact =
    [
        "firstName", "lastName", "name", "email", "phone", "address1", "city", "state", "postalCode", "website",
        "timezone", "dnd", "dndSettings", "inboundDndSettings", "tags", "customFields", "source", "dateOfBirth",
        "country", "assignedTo",
    ];

    public static readonly string[] CreateContact = [.. UpdateContact, "locationId", "gender", "companyName"];

    public static readonly string[] UpsertContact = [.. CreateContact, "createNewIfDuplicateAllowed"];

    public static readonly string[] Task = ["title", "body", "dueDate", "completed", "assignedTo"];

    public static readonly string[] Note = ["userId", "body", "title", "color", "pinned"];

    public static readonly string[] StringFields =
    [
        "firstName", "lastName", "name", "email", "phone", "address1", "city", "state", "postalCode", "website",
        "timezone", "source", "country", "assignedTo", "locationId", "gender", "companyName", "title", "body", "dueDate", "userId", "color",
    ];

    public static readonly string[] BooleanFields = ["dnd", "completed", "pinned", "createNewIfDuplicateAllowed"];
}
