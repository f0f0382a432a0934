namespace RoezanGhl.Core.FollowUps;

/// <summary>
/// A follow-up that a customer asked for (or was promised) in a message: the GHL task to create.
/// </summary>
/// <param name="Title">"Follow up: " and the sentence that asked for it, cut to a readable length.</param>
/// <param name="DueDate">When the task is due, with the account time zone's UTC offset on that date (DST included).</param>
/// <param name="Body">The whole message text, for the task body.</param>
/// <param name="TimePhrase">The time expression as written ("tomorrow at 3pm"); empty for a bare "remind me".</param>
/// <param name="IntentPhrase">The words that asked for or promised contact ("call me", "remind me").</param>
public sealed record FollowUp(string Title, DateTimeOffset DueDate, string Body, string TimePhrase, string IntentPhrase);
