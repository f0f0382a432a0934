using System.Buffers;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Checks a GHL delivery's signature over the raw body bytes (never a re-serialized body). <c>X-GHL-Signature</c>
/// is base64 Ed25519, verified against each configured key in turn (several during a rotation). The legacy
/// <c>X-WH-Signature</c> (RSA-SHA256, PKCS#1 v1.5) counts only when it is the only header and legacy RSA is
/// turned on: when <c>X-GHL-Signature</c> is present it alone decides, as in HighLevel's own SDK, so a bad
/// Ed25519 signature cannot be rescued by a second, weaker one. Thread-safe; keys are read once.
/// </summary>
public sealed class GhlSignatureVerifier
{
    public const string SignatureHeader = "X-GHL-Signature";
    public const string LegacySignatureHeader = "X-WH-Signature";

    private const int Ed25519SignatureSize = 64;
    private const int MaxRsaSignatureSize = 1024;

    private readonly Ed25519.PublicPoint[] _keys;
    private readonly byte[]? _legacyKey;

    /// <param name="ed25519PublicKeys">PEM or base64 SubjectPublicKeyInfo texts, in the order their index is reported.</param>
    /// <param name="legacyRsaPublicKey">The RSA key, or null to refuse <c>X-WH-Signature</c>-only deliveries.</param>
    /// <exception cref="ArgumentException">A key cannot be read (the options validator reports it first, by setting name).</exception>
    public GhlSignatureVerifier(IEnumerable<string> ed25519PublicKeys, string? legacyRsaPublicKey)
    {
        ArgumentNullException.ThrowIfNull(ed25519PublicKeys);
        var keys = new List<Ed25519.PublicPoint>();
        foreach (var text in ed25519PublicKeys)
        {
            if (!GhlPublicKeyReader.TryReadEd25519(text, out var key, out var problem))
            {
                throw new ArgumentException($"Ed25519 public key {keys.Count} {problem}.", nameof(ed25519PublicKeys));
            }

            keys.Add(Ed25519.ValidatePublicKeyFullExport(key));
        }

        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one Ed25519 public key is required.", nameof(ed25519PublicKeys));
        }

        _keys = [.. keys];
        if (legacyRsaPublicKey is not null)
        {
            _legacyKey = GhlPublicKeyReader.TryReadRsa(legacyRsaPublicKey, out var info, out var problem)
                ? info
                : throw new ArgumentException($"The legacy RSA public key {problem}.", nameof(legacyRsaPublicKey));
        }
    }

    /// <summary>The keys of <paramref name="options"/>: HighLevel's published ones where the settings are empty.</summary>
    public static GhlSignatureVerifier FromOptions(GhlWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new GhlSignatureVerifier(options.EffectivePublicKeys(), options.AllowLegacyRsa ? options.EffectiveLegacyPublicKey() : null);
    }

    public int KeyCount => _keys.Length;

    public bool AcceptsLegacyRsa => _legacyKey is not null;

    /// <param name="signature">The <c>X-GHL-Signature</c> header, or null.</param>
    /// <param name="legacySignature">The <c>X-WH-Signature</c> header, or null.</param>
    /// <param name="body">The request body exactly as received.</param>
    public GhlSignatureVerdict Verify(string? signature, string? legacySignature, ReadOnlySpan<byte> body)
    {
        if (!string.IsNullOrWhiteSpace(signature))
        {
            return VerifyEd25519(signature, body);
        }

        if (string.IsNullOrWhiteSpace(legacySignature))
        {
            return new GhlSignatureVerdict(GhlSignatureCheck.Missing, GhlSignatureScheme.None);
        }

        return _legacyKey is null
            ? new GhlSignatureVerdict(GhlSignatureCheck.LegacyNotAllowed, GhlSignatureScheme.LegacyRsa)
            : VerifyLegacy(legacySignature, _legacyKey, body);
    }

    private GhlSignatureVerdict VerifyEd25519(string signature, ReadOnlySpan<byte> body)
    {
        Span<byte> decoded = stackalloc byte[Ed25519SignatureSize];
        if (!Convert.TryFromBase64String(signature.Trim(), decoded, out var written) || written != Ed25519SignatureSize)
        {
            return new GhlSignatureVerdict(GhlSignatureCheck.Malformed, GhlSignatureScheme.Ed25519);
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (Ed25519.Verify(decoded, _keys[i], body))
            {
                return new GhlSignatureVerdict(GhlSignatureCheck.Valid, GhlSignatureScheme.Ed25519, i);
            }
        }

        return new GhlSignatureVerdict(GhlSignatureCheck.Mismatch, GhlSignatureScheme.Ed25519);
    }

    private static GhlSignatureVerdict VerifyLegacy(string signature, byte[] key, ReadOnlySpan<byte> body)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxRsaSignatureSize);
        try
        {
            if (!Convert.TryFromBase64String(signature.Trim(), buffer.AsSpan(0, MaxRsaSignatureSize), out var written) || written == 0)
            {
                return new GhlSignatureVerdict(GhlSignatureCheck.Malformed, GhlSignatureScheme.LegacyRsa);
            }

            // A fresh RSA object per call: .NET does not promise that one instance is safe across threads, and
            // the legacy path is rare enough that the import (microseconds) does not matter.
            using var rsa = RSA.Create();
            rsa.ImportSubjectPublicKeyInfo(key, out _);
            var valid = rsa.VerifyData(body, buffer.AsSpan(0, written), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return new GhlSignatureVerdict(valid ? GhlSignatureCheck.Valid : GhlSignatureCheck.Mismatch, GhlSignatureScheme.LegacyRsa);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
