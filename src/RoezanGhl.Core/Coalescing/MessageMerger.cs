using System.Globalization;
using RoezanGhl.Core.Automations.Planning;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Coalescing;

/// <summary>
/// Merges consecutive queued <c>message.received</c> of one sender (one Roezan contact) into the one message the planner
/// makes a note of, when the account allows it (<c>Sync:Processing:CoalesceMessages</c>, off by default). Pure, like
/// <see cref="ContactChangeMerger"/>: the texts in the order they were received (then of arrival), each after the first
/// with its own time, under the survivor's id, sender and first time.
/// </summary>
public static class MessageMerger
{
    /// <summary>
    /// True for a message another one may absorb: a <c>message.received</c> of the same Roezan contact. An opt-out reply
    /// neither absorbs nor is absorbed: merged into a longer text it would no longer read as one.
    /// </summary>
    public static bool CanAbsorb(RoezanEvent survivor, RoezanEvent candidate)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(candidate);
        return candidate.Type == RoezanEventTypes.MessageReceived
            && candidate.Id is { Length: > 0 } id && id != survivor.Id
            && candidate.Data?.Message is { ContactId: { Length: > 0 } contactId }
            && string.Equals(contactId, survivor.Data?.Message?.ContactId, StringComparison.Ordinal)
            && !OptOutKeywords.IsOptOutReply(candidate.Data.Message.Body)
            && !OptOutKeywords.IsOptOutReply(survivor.Data?.Message?.Body);
    }

    /// <summary>The survivor carrying the texts of <paramref name="absorbed"/> too (each must pass <see cref="CanAbsorb"/>).</summary>
    public static RoezanEvent Merge(ContactChange survivor, IReadOnlyList<ContactChange> absorbed)
    {
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(absorbed);
        if (absorbed.Count == 0)
        {
            return survivor.Event;
        }

        var own = survivor.Event.Data?.Message ?? throw new ArgumentException("The survivor carries no message.", nameof(survivor));
        var ordered = absorbed.Append(survivor)
            .OrderBy(change => ReceivedAt(change.Event) ?? DateTimeOffset.MinValue)
            .ThenBy(change => change.AcceptedAt)
            .Select(change => change.Event)
            .ToList();
        var texts = ordered.Select((evt, index) => index == 0 || ReceivedAt(evt) is not { } at
            ? evt.Data!.Message!.Body ?? ""
            : $"({at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC) {evt.Data!.Message!.Body}");
        var message = new RoezanMessage
        {
            Id = own.Id,
            From = own.From,
            FromName = own.FromName,
            ContactId = own.ContactId,
            ReceivedAt = ReceivedAt(ordered[0]),
            Body = string.Join("\n\n", texts),
        };
        return new RoezanEvent
        {
            Id = survivor.Event.Id,
            Type = survivor.Event.Type,
            AccountId = survivor.Event.AccountId,
            OccurredAt = ordered.Select(evt => evt.OccurredAt).Max(),
            Data = new RoezanEventData { Message = message },
        };
    }

    private static DateTimeOffset? ReceivedAt(RoezanEvent evt) => evt.Data?.Message?.ReceivedAt ?? evt.OccurredAt;
}
