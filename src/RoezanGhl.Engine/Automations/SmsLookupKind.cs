namespace RoezanGhl.Engine.Automations;

/// <summary>What looking in Roezan for a text whose answer was lost found.</summary>
public enum SmsLookupKind
{
    /// <summary>The text is among the contact's sent texts since the call started.</summary>
    Found,

    /// <summary>Roezan answered and the text is not there (or the number has no contact): it did not go out.</summary>
    NotSent,

    /// <summary>Roezan could not be asked (it failed again, did not answer): we cannot know.</summary>
    CannotTell,

    /// <summary>Roezan asked us to wait (429, or our circuit breaker is open): ask again later; nothing is decided yet.</summary>
    AskLater,
}
