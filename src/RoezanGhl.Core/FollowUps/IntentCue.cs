namespace RoezanGhl.Core.FollowUps;

/// <summary>Words in a message that ask for or promise a follow-up, and the sentence they stand in.</summary>
internal sealed record IntentCue(int Start, int End, TextSpan Sentence, bool IsReminder);
