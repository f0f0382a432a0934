using System.Text.Json;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// What a location's token secret holds: nothing, a Private Integration token (plain text), an OAuth token
/// set (JSON), or JSON that is not a token set.
/// </summary>
public sealed class GhlTokenSecret
{
    private GhlTokenSecret(GhlTokenSecretKind kind, string? value, GhlOAuthTokenSet? oauth)
    {
        Kind = kind;
        Value = value;
        OAuth = oauth;
        Fingerprint = SecretFingerprint.Of(value);
    }

    public GhlTokenSecretKind Kind { get; }

    /// <summary>The raw secret text (a PIT is used as it is).</summary>
    public string? Value { get; }

    public GhlOAuthTokenSet? OAuth { get; }

    public string Fingerprint { get; }

    public static GhlTokenSecret Read(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return new GhlTokenSecret(GhlTokenSecretKind.Missing, null, null);
        }

        var text = value.Trim();
        if (!text.StartsWith('{'))
        {
            return new GhlTokenSecret(GhlTokenSecretKind.PrivateIntegration, text, null);
        }

        try
        {
            var set = JsonSerializer.Deserialize(text, GhlTokenJsonContext.Default.GhlOAuthTokenSet);
            return set is null || string.IsNullOrWhiteSpace(set.AccessToken) || string.IsNullOrWhiteSpace(set.RefreshToken)
                ? new GhlTokenSecret(GhlTokenSecretKind.Unreadable, text, null)
                : new GhlTokenSecret(GhlTokenSecretKind.OAuth, text, set);
        }
        catch (JsonException)
        {
            return new GhlTokenSecret(GhlTokenSecretKind.Unreadable, text, null);
        }
    }

    public static string Write(GhlOAuthTokenSet set) => JsonSerializer.Serialize(set, GhlTokenJsonContext.Default.GhlOAuthTokenSet);

    public override string ToString() => $"{Kind} ({Fingerprint})";
}
