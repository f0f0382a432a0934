namespace RoezanGhl.Core.Automations.Planning;

/// <summary>
/// An automation's trigger matched an event: the tag or keyword that did it, and the event's identity for the send id
/// (see <see cref="SendIds"/>). <see cref="SkipReason"/> is set when the trigger is of the right kind but cannot fire.
/// </summary>
public sealed record TriggerMatch(string Identity, string? Tag = null, string? Keyword = null)
{
    public string? SkipReason { get; init; }
}
