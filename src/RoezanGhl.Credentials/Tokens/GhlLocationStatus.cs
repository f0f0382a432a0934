namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Whether a GHL location can be called. <see cref="NeedsAttention"/> means a person has to act (re-authorize,
/// rotate the token, fix billing); the location's events wait until then.
/// </summary>
/// <param name="LocationId">The GHL location (sub-account).</param>
/// <param name="NeedsAttention">True while the location's token is refused.</param>
/// <param name="Reason">What went wrong, in GHL's words where it gave any; never token text.</param>
/// <param name="SecretFingerprint">A one-way fingerprint of the token secret that was refused: a new value clears the mark.</param>
/// <param name="UpdatedAt">When the status was last written.</param>
public sealed record GhlLocationStatus(string LocationId, bool NeedsAttention, string? Reason, string? SecretFingerprint, DateTimeOffset UpdatedAt);
