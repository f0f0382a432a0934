namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// The <c>GhlWebhook</c> configuration section (<c>GhlWebhook__PublicKeys__0</c> and so on). Every setting
/// may stay empty: HighLevel's published keys and the defaults below then apply. Checked on start by
/// <see cref="GhlWebhookOptionsValidator"/>; keys are read once, so a changed key takes effect on restart.
/// </summary>
public sealed class GhlWebhookOptions
{
    public const string SectionName = "GhlWebhook";

    public const int DefaultMaxBodyBytes = 256 * 1024;
    public const int MinMaxBodyBytes = 1024;
    public const int MaxMaxBodyBytes = 1024 * 1024;

    public static readonly TimeSpan DefaultTimestampTolerance = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MinTimestampTolerance = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxTimestampTolerance = TimeSpan.FromHours(1);

    /// <summary>
    /// Ed25519 keys that may sign <c>X-GHL-Signature</c>, each a PEM block or its base64 body; blank entries are
    /// skipped. Empty: HighLevel's published key (<see cref="GhlPublishedKeys.Ed25519"/>). During a rotation list
    /// both the new and the old key. (No default inside the list: the configuration binder would append to it.)
    /// </summary>
    public IList<string?> PublicKeys { get; } = [];

    /// <summary>
    /// Accept a delivery signed only with the legacy <c>X-WH-Signature</c> (RSA). Off: HighLevel deprecated it
    /// from July 2026 and every delivery also carries <c>X-GHL-Signature</c>.
    /// </summary>
    public bool AllowLegacyRsa { get; set; }

    /// <summary>The RSA key of <c>X-WH-Signature</c> (PEM or base64). Empty: HighLevel's published 4096-bit key.</summary>
    public string? LegacyPublicKey { get; set; }

    /// <summary>The largest body accepted; anything larger is a 413 and is not read further.</summary>
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>How far the body's <c>timestamp</c> may be from our clock, either way.</summary>
    public TimeSpan TimestampTolerance { get; set; } = DefaultTimestampTolerance;

    /// <summary>The configured Ed25519 keys without blanks, or HighLevel's published key when there are none.</summary>
    public IReadOnlyList<string> EffectivePublicKeys()
    {
        var configured = PublicKeys.Where(key => !string.IsNullOrWhiteSpace(key)).Select(key => key!).ToList();
        return configured.Count > 0 ? configured : [GhlPublishedKeys.Ed25519];
    }

    /// <summary>The configured RSA key, or HighLevel's published one.</summary>
    public string EffectiveLegacyPublicKey() =>
        string.IsNullOrWhiteSpace(LegacyPublicKey) ? GhlPublishedKeys.LegacyRsa : LegacyPublicKey;
}
