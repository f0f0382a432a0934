namespace RoezanGhl.Core.Accounts;

/// <summary>Reads the <c>InboundMessages</c> setting: <c>note</c> (the default when unset), <c>conversation</c> or <c>both</c>.</summary>
public static class InboundMessageTargets
{
    public const string Allowed = "note, conversation or both";

    public static bool TryParse(string? value, out InboundMessageTarget target)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "note":
                target = InboundMessageTarget.Note;
                return true;
            case "conversation":
                target = InboundMessageTarget.Conversation;
                return true;
            case "both":
                target = InboundMessageTarget.Both;
                return true;
            default:
                target = InboundMessageTarget.Note;
                return false;
        }
    }

    /// <summary>The account's target; an unreadable value (stopped at start by the validator) counts as <c>note</c>.</summary>
    public static InboundMessageTarget Of(RoezanAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return TryParse(account.InboundMessages, out var target) ? target : InboundMessageTarget.Note;
    }

    /// <summary>True when the messages go into the contact's conversation (needs a conversation provider and OAuth).</summary>
    public static bool UsesConversation(this InboundMessageTarget target) => target is InboundMessageTarget.Conversation or InboundMessageTarget.Both;

    public static bool UsesNote(this InboundMessageTarget target) => target is InboundMessageTarget.Note or InboundMessageTarget.Both;
}
