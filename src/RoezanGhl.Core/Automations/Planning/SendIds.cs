using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// The deterministic id of a planned text: the ledger's key, so a re-delivered webhook, a replay or a re-plan
/// arrives at the same id and cannot send twice.
/// <para>
/// Derivation (version 1): <c>"sms1-" + lower-case hex of the first 16 bytes of SHA-256</c> over the UTF-8 of
/// <c>"roezanghl-sms-v1"</c> and four fields, each written as <c>"\n" + length + ":" + value</c> (so no value can
/// run into the next): the account id (trimmed, lower-case invariant: accounts are case-insensitive), the automation
/// name (likewise), the GHL contact id (as GHL spells it), and the trigger identity (<see cref="TriggerMatcher"/>):
/// </para>
/// <list type="bullet">
/// <item>a text timed <c>before</c> an appointment: <c>appointment:{id}:{start, UTC, ISO 8601}</c>: the same
/// appointment at the same time is one reminder however many Create/Update deliveries arrive; a moved appointment is a
/// new id (the old send is cancelled by <see cref="ReminderReplanner"/>), and moving it back returns to the old id;</item>
/// <item>contactCreated <c>contact-created</c> (once per contact); appointmentCreated <c>appointment-created:{id}</c>;
/// appointmentCancelled <c>appointment-cancelled:{id}</c>; appointmentScheduled <c>appointment:{id}:{start}</c>;
/// taskCreated <c>task-created:{task id}</c>; inboundKeyword <c>inbound:{Roezan message id}</c>; noReply
/// <c>outbound:{message id}</c>;</item>
/// <item>events with no natural key use HighLevel's delivery id: tagAdded <c>tag-added:{webhookId}</c>, appointmentUpdated
/// <c>appointment-updated:{id}:{webhookId}</c> (the event time in UTC when a hand-built event has no webhookId).</item>
/// </list>
/// </summary>
public static class SendIds
{
    public const string Prefix = "sms1-";

    public static string For(string accountId, string automationName, string contactId, string triggerIdentity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(automationName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        ArgumentException.ThrowIfNullOrWhiteSpace(triggerIdentity);
        var text = new StringBuilder("roezanghl-sms-v1");
        foreach (var field in new[] { accountId.Trim().ToLowerInvariant(), automationName.Trim().ToLowerInvariant(), contactId, triggerIdentity })
        {
            text.Append('\n').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return Prefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The identity part for an appointment at a start time: <c>appointment:{id}:{start UTC ISO 8601}</c>.</summary>
    public static string AppointmentIdentity(string appointmentId, DateTimeOffset start) =>
        $"appointment:{appointmentId}:{Instant.FromDateTimeOffset(start)}";
}
