using RoezanGhl.Core.Diagnostics;
using RoezanGhl.Core.Planning;
using RoezanGhl.Storage.Leases;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>
/// The names of the leases (<see cref="LeaseStore"/> keys) that serialize writes to GHL objects: events take them while
/// they plan and run, the reconciler's drift repair takes the same ones, so neither overtakes the other.
/// </summary>
public static class GhlLeaseKeys
{
    private const string CreationPrefix = "new:";

    /// <summary>The lock of a GHL contact: held by whoever writes its values (or its recorded state).</summary>
    public static string ContactLock(string ghlContactId) => "contact:" + ghlContactId;

    /// <summary>The creation claim of one identity of a contact not made yet (<see cref="ContactIdentity.CreationClaimKeys"/>).</summary>
    public static string CreationClaim(string identityKey) => CreationPrefix + identityKey;

    /// <summary>
    /// A lease key as logs, ledger reasons and notifications may show it: a creation claim's identity (a phone or an
    /// email) becomes its short hash (<c>new:#1a2b3c4d</c>); contact and task locks hold only ids and stay as they are.
    /// </summary>
    public static string ForLog(string? key) => key switch
    {
        null => "?",
        _ when key.StartsWith(CreationPrefix, StringComparison.Ordinal) => CreationPrefix + PersonalDataHash.Of(key[CreationPrefix.Length..]),
        _ => key,
    };

    /// <summary>The lock of a Roezan task's GHL task.</summary>
    public static string TaskLock(string accountId, string roezanTaskId) => $"task:{accountId}:{roezanTaskId}";

    /// <summary>
    /// The leases a plan needs: the creation claims when it makes the contact, the contact's lock when it writes the
    /// contact's values (or its recorded state), the task's lock for task events.
    /// </summary>
    public static List<string> For(SyncPlan plan, string accountId)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var keys = new List<string>();
        if (plan.Disposition is PlanDisposition.Invalid or PlanDisposition.WaitForContact)
        {
            return keys;
        }

        if (plan.CreatesContact)
        {
            keys.AddRange(plan.Contact.CreationClaimKeys(accountId).Select(CreationClaim));
        }
        else if (plan.GhlContactId is { } contactId && (plan.WritesContact || plan.ContactState is not null))
        {
            keys.Add(ContactLock(contactId));
        }

        if (plan.RoezanTaskId is { } taskId && (plan.Steps.Count > 0 || plan.TaskState is not null))
        {
            keys.Add(TaskLock(accountId, taskId));
        }

        return keys;
    }
}
