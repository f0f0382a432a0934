namespace RoezanGhl.Storage.Links;

/// <summary>
/// Row keys of the links table. Every row of one GHL location shares the partition (the location id), so
/// an event's links, state and leases can be read and written in one partition, and one batch.
/// </summary>
internal static class LinkRowKeys
{
    public static string RoezanContact(string accountId, string roezanContactId) => $"rc|{Escape(accountId)}|{Escape(roezanContactId)}";

    public static string Phone(string e164) => "ph|" + Escape(e164);

    public static string Email(string email) => "em|" + Escape(email.ToLowerInvariant());

    /// <summary>Every contact state row key starts with this (the reconciler lists them by range).</summary>
    public const string ContactStatePrefix = "gc|";

    public static string ContactState(string ghlContactId) => ContactStatePrefix + Escape(ghlContactId);

    /// <summary>The echo history of a GHL contact (<see cref="EchoHistoryStore"/>).</summary>
    public static string EchoHistory(string ghlContactId) => "fp|" + Escape(ghlContactId);

    public static string RoezanTask(string accountId, string roezanTaskId) => $"rt|{Escape(accountId)}|{Escape(roezanTaskId)}";

    public static string Lease(string key) => "lease|" + Escape(key);

    public static string Partition(string locationId) => Escape(locationId);

    /// <summary>The links table's keys, and the reconcile stores', escape with <c>~</c> (see <see cref="TableKeys"/>).</summary>
    public static string Escape(string value) => TableKeys.Escape(value, '~');
}
