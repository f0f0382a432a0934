namespace RoezanGhl.Credentials.Tokens;

/// <summary>The verdict on an install <c>state</c> that came back to the callback.</summary>
public enum GhlOAuthStateCheck
{
    Valid,

    /// <summary>Missing, or not in the shape this app writes.</summary>
    Malformed,

    /// <summary>Not signed with this app's key: forged or tampered with.</summary>
    BadSignature,

    Expired,

    /// <summary>Signed and in time, but used before: a replayed callback.</summary>
    Reused,
}
