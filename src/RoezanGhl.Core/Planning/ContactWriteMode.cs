namespace RoezanGhl.Core.Planning;

/// <summary>How a Roezan contact that has no GHL link yet is written (F1).</summary>
public enum ContactWriteMode
{
    /// <summary>
    /// <c>POST /contacts/upsert</c>: GHL matches by the location's duplicate rules, so a repeated call after
    /// a ghost write finds the contact the first call made. The answer is checked against what we sent.
    /// </summary>
    Upsert,

    /// <summary>
    /// <c>POST /contacts/</c>: never touches an existing contact; a retry looks the contact up by phone and
    /// email first, and a location that blocks duplicates answers with the existing contact's id.
    /// </summary>
    Create,
}
