namespace RoezanGhl.Engine.Conversations;

/// <summary>Settings of GHL conversations, section <c>Conversations</c> (<c>Conversations__StatusRefusalWindow</c>, …).</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversations";

    /// <summary>How long a refused status update is tried again (GHL refuses it for a few seconds after the message is made).</summary>
    public TimeSpan StatusRefusalWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait between two tries of a refused status update.</summary>
    public TimeSpan StatusRetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
