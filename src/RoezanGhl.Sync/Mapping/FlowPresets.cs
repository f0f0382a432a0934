namespace RoezanGhl.Sync.Mapping;

/// <summary>The named presets an account's <c>Preset</c> setting may name (case-insensitive).</summary>
public static class FlowPresets
{
    /// <summary>F1, F2: contacts only.</summary>
    public const string ContactsOnly = "contacts-only";

    /// <summary>F1, F2 plus F3, F4, F7: contacts and the message and note history.</summary>
    public const string ContactsAndHistory = "contacts-and-history";

    /// <summary>Every flow: adds F5 follow-up tasks and F6 task sync.</summary>
    public const string Everything = "everything";

    /// <summary>
    /// The preset of an account that names none. Every flow, because that is the product DESIGN.md
    /// describes and what accounts configured before presets existed were promised; narrowing is one line.
    /// </summary>
    public const string Default = Everything;

    /// <summary>Every preset name.</summary>
    public static IReadOnlyList<string> Names { get; } = [ContactsOnly, ContactsAndHistory, Everything];
}
