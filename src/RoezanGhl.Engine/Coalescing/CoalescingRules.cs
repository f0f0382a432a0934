using System.Text.Json;
using RoezanGhl.Core.Events;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Coalescing;

/// <summary>The small rules <see cref="ContactUpdateCoalescer"/> applies to each queued change it reads from the index.</summary>
internal static class CoalescingRules
{
    /// <summary>The event an index row holds, or null for a row that no longer parses (it is then left to its own delivery).</summary>
    public static RoezanEvent? Parse(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, RoezanJsonContext.Default.RoezanEvent);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A message that asks for a follow-up keeps its own task, and texts that ask for one only together are not merged.</summary>
    public static bool AsksForFollowUp(RoezanEvent evt, PlanningProfile profile) =>
        evt.Type == RoezanEventTypes.MessageReceived && evt.Data?.Message is { } message
        && profile.Runs(SyncFlows.FollowUpTasks) && profile.FollowUps is { } rule
        && rule.FindTask(message, message.ReceivedAt ?? evt.OccurredAt ?? DateTimeOffset.UnixEpoch) is not null;

    /// <summary>In mirror mode a change's tag list is the contact's whole set, so the newest list wins instead of the union.</summary>
    public static bool TagsAreWholeSet(PlanningProfile profile) =>
        profile.FieldMapping is AccountContactFieldMapping { Mapping.TagMode: TagMode.Mirror };

    /// <summary>How many of our writes to Roezan came after a change made at <paramref name="occurredAt"/>: changes with the same count lie between the same writes.</summary>
    public static int Epoch(DateTimeOffset? occurredAt, List<DateTimeOffset> writes) =>
        occurredAt is { } at ? writes.Count(written => written > at) : -1;
}
