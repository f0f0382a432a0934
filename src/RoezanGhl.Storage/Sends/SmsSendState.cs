namespace RoezanGhl.Storage.Sends;

/// <summary>Where one planned text is. Only <see cref="Planned"/> and <see cref="Sending"/> are not final.</summary>
public enum SmsSendState
{
    /// <summary>Waiting for its time; the sweep picks it up when due.</summary>
    Planned,

    /// <summary>Recorded just before Roezan was called: if it stays here, the outcome is settled by looking in Roezan, never by sending again.</summary>
    Sending,

    /// <summary>Roezan accepted it (or the look-up found it).</summary>
    Sent,

    /// <summary>Never sent, with the reason: an opt-out, a moved or cancelled appointment, a condition no longer met, Roezan's refusal.</summary>
    Cancelled,

    /// <summary>Never sent because a per-contact or per-account cap was reached.</summary>
    Dropped,

    /// <summary>Roezan may or may not have sent it and we could not find out: not sent again, and an operator is told.</summary>
    Unknown,
}
