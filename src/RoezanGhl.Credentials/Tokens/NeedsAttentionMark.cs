namespace RoezanGhl.Credentials.Tokens;

/// <summary>Why a location was marked, and which secret value was refused.</summary>
internal sealed record NeedsAttentionMark(string Reason, string Fingerprint);
