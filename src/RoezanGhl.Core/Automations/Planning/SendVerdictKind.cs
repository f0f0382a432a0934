namespace RoezanGhl.Core.Automations.Planning;

public enum SendVerdictKind
{
    /// <summary>Send it now.</summary>
    Send,

    /// <summary>Not yet: look again at <see cref="SendVerdict.RetryAt"/>.</summary>
    Defer,

    /// <summary>Never: record the reason in the ledger.</summary>
    Cancel,
}
