using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Reads a configured GHL public key: a PEM <c>PUBLIC KEY</c> block as HighLevel publishes it, or just its
/// base64 body (one line, easier in an app setting). Problems are phrased to follow the setting's name and
/// never quote the text, which might be a private key pasted by mistake.
/// </summary>
public static class GhlPublicKeyReader
{
    /// <summary>RFC 8410 §4: every Ed25519 SubjectPublicKeyInfo is these 12 bytes followed by the 32-byte key.</summary>
    private static ReadOnlySpan<byte> Ed25519InfoPrefix => [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00];

    private const int Ed25519KeySize = 32;
    private const int MinimumRsaBits = 2048;

    /// <summary>The raw 32-byte Ed25519 key, checked to be a point on the curve.</summary>
    public static bool TryReadEd25519(string? text, [NotNullWhen(true)] out byte[]? publicKey, [NotNullWhen(false)] out string? problem)
    {
        publicKey = null;
        if (!TryDecode(text, out var info, out problem))
        {
            return false;
        }

        if (info.Length != Ed25519InfoPrefix.Length + Ed25519KeySize || !info.AsSpan().StartsWith(Ed25519InfoPrefix))
        {
            problem = TryReadRsa(text, out _, out _)
                ? "is an RSA key, not Ed25519 (HighLevel's RSA key belongs in GhlWebhook:LegacyPublicKey)"
                : "is not an Ed25519 public key (a 44-byte SubjectPublicKeyInfo, RFC 8410)";
            return false;
        }

        var key = info[Ed25519InfoPrefix.Length..];
        if (!Ed25519.ValidatePublicKeyFull(key))
        {
            problem = "is not a valid Ed25519 public key (not a point of the curve)";
            return false;
        }

        publicKey = key;
        return true;
    }

    /// <summary>The key's SubjectPublicKeyInfo (DER), checked to be RSA of at least 2048 bits.</summary>
    public static bool TryReadRsa(string? text, [NotNullWhen(true)] out byte[]? subjectPublicKeyInfo, [NotNullWhen(false)] out string? problem)
    {
        subjectPublicKeyInfo = null;
        if (!TryDecode(text, out var info, out problem))
        {
            return false;
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportSubjectPublicKeyInfo(info, out var read);
            if (read != info.Length)
            {
                problem = "has bytes after the RSA public key";
                return false;
            }
        }
        catch (CryptographicException)
        {
            problem = "is not an RSA public key (SubjectPublicKeyInfo)";
            return false;
        }

        if (rsa.KeySize < MinimumRsaBits)
        {
            problem = $"is a {rsa.KeySize}-bit RSA key; at least {MinimumRsaBits} bits are required";
            return false;
        }

        subjectPublicKeyInfo = info;
        return true;
    }

    private static bool TryDecode(string? text, out byte[] der, [NotNullWhen(false)] out string? problem)
    {
        der = [];
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "is empty";
            return false;
        }

        var base64 = text.AsSpan().Trim();
        if (base64.StartsWith("-----", StringComparison.Ordinal))
        {
            if (!PemEncoding.TryFind(base64, out var fields))
            {
                problem = "is not a complete PEM block";
                return false;
            }

            if (!base64[fields.Label].SequenceEqual("PUBLIC KEY"))
            {
                problem = $"is a PEM '{base64[fields.Label]}' block; a 'PUBLIC KEY' block is expected";
                return false;
            }

            base64 = base64[fields.Base64Data];
        }

        var buffer = new byte[base64.Length];
        if (!Convert.TryFromBase64Chars(base64, buffer, out var written) || written == 0)
        {
            problem = "is neither a PEM 'PUBLIC KEY' block nor base64";
            return false;
        }

        der = buffer[..written];
        return true;
    }
}
