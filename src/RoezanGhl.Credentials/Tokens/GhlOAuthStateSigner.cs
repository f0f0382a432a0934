using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// Makes and checks the OAuth install <c>state</c>: <c>v1.{nonce and expiry}.{HMAC-SHA256}</c>, base64url.
/// The key is the secret <c>ghl-oauth-state-key</c> or, without it, one derived from the client secret. A
/// state is good once: its nonce is recorded when it is checked.
/// </summary>
public sealed class GhlOAuthStateSigner
{
    private const string Version = "v1";
    private const int NonceLength = 16;
    private static readonly byte[] KeyDerivationInfo = Encoding.UTF8.GetBytes("RoezanGhl OAuth install state v1");

    private readonly ISecretStore _secrets;
    private readonly IOAuthStateNonceStore _nonces;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;

    public GhlOAuthStateSigner(ISecretStore secrets, IOAuthStateNonceStore nonces, IOptions<GhlOAuthOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(nonces);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _secrets = secrets;
        _nonces = nonces;
        _options = options;
        _time = time;
    }

    /// <summary>A new state that expires after <see cref="GhlOAuthOptions.StateLifetime"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither a state key nor a client secret is stored.</exception>
    public async Task<string> CreateAsync(CancellationToken cancellationToken)
    {
        var key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
        var payload = new byte[NonceLength + sizeof(long)];
        RandomNumberGenerator.Fill(payload.AsSpan(0, NonceLength));
        var expiresAt = _time.GetUtcNow() + _options.Value.StateLifetime;
        BinaryPrimitives.WriteInt64BigEndian(payload.AsSpan(NonceLength), expiresAt.ToUnixTimeSeconds());
        var signed = Version + "." + Base64Url.EncodeToString(payload);
        return signed + "." + Base64Url.EncodeToString(Sign(key, signed));
    }

    /// <summary>Checks signature, then expiry, then (recording the nonce) that it was not used before.</summary>
    public async Task<GhlOAuthStateCheck> CheckAsync(string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(state) || state.Length > 200)
        {
            return GhlOAuthStateCheck.Malformed;
        }

        var parts = state.Split('.');
        if (parts.Length != 3 || parts[0] != Version
            || !TryDecode(parts[1], out var payload) || payload.Length != NonceLength + sizeof(long)
            || !TryDecode(parts[2], out var signature))
        {
            return GhlOAuthStateCheck.Malformed;
        }

        var key = await GetKeyAsync(cancellationToken).ConfigureAwait(false);
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, parts[0] + "." + parts[1])))
        {
            return GhlOAuthStateCheck.BadSignature;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(payload.AsSpan(NonceLength)));
        if (_time.GetUtcNow() >= expiresAt)
        {
            return GhlOAuthStateCheck.Expired;
        }

        var nonce = Convert.ToHexStringLower(payload.AsSpan(0, NonceLength));
        return await _nonces.TryConsumeAsync(nonce, expiresAt, cancellationToken).ConfigureAwait(false)
            ? GhlOAuthStateCheck.Valid
            : GhlOAuthStateCheck.Reused;
    }

    private static byte[] Sign(byte[] key, string signed) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed));

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !Base64Url.IsValid(text))
        {
            return false;
        }

        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    private async Task<byte[]> GetKeyAsync(CancellationToken cancellationToken)
    {
        var stateKey = await _secrets.GetSecretAsync(SecretNames.GhlOAuthStateKey, bypassCache: false, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrWhiteSpace(stateKey))
        {
            return Encoding.UTF8.GetBytes(stateKey.Trim());
        }

        // Derived rather than the client secret itself, so the HMAC key is never the secret GHL knows.
        var clientSecret = await _secrets.GetSecretAsync(SecretNames.GhlOAuthClientSecret, bypassCache: false, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(clientSecret))
        {
            throw new InvalidOperationException(
                $"OAuth install is not configured: store the secret '{SecretNames.GhlOAuthClientSecret}' (and '{SecretNames.GhlOAuthClientId}'), optionally '{SecretNames.GhlOAuthStateKey}'.");
        }

        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(clientSecret.Trim()), 32, salt: [], info: KeyDerivationInfo);
    }
}
