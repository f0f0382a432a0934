using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.Core.Events;

/// <summary>
/// Checks <c>X-Roezan-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.rawBody"&gt;</c>.
/// Several <c>v1</c> values (Roezan signing with old and new secret during a rotation) and several
/// secrets (ours, comma- or whitespace-separated, during the same rotation) are allowed: any matching
/// pair passes. Comparison is constant-time; the timestamp must be within the tolerance either way.
/// </summary>
public static class RoezanSignatureVerifier
{
    public const string HeaderName = "X-Roezan-Signature";

    private const int HashSize = 32;
    private const int MaxSignatures = 8;
    private const int StackKeyLimit = 256;
    private static readonly SearchValues<char> SecretSeparators = SearchValues.Create(", \t\r\n");

    public static RoezanSignatureCheck Verify(
        string? header, ReadOnlySpan<byte> body, string? secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!HasSecret(secrets))
        {
            return RoezanSignatureCheck.NoSecret;
        }

        if (string.IsNullOrWhiteSpace(header))
        {
            return RoezanSignatureCheck.Missing;
        }

        Span<byte> signatures = stackalloc byte[HashSize * MaxSignatures];
        if (!TryParseHeader(header, signatures, out var timestamp, out var timestampText, out var count))
        {
            return RoezanSignatureCheck.Malformed;
        }

        var age = now.ToUnixTimeSeconds() - timestamp;
        if (age > tolerance.TotalSeconds)
        {
            return RoezanSignatureCheck.TooOld;
        }

        if (-age > tolerance.TotalSeconds)
        {
            return RoezanSignatureCheck.InTheFuture;
        }

        // The signed text is "t.rawBody": the timestamp digits exactly as sent, a dot, then the body.
        var signedLength = timestampText.Length + 1 + body.Length;
        var rented = ArrayPool<byte>.Shared.Rent(signedLength);
        try
        {
            var written = Encoding.ASCII.GetBytes(timestampText, rented);
            rented[written] = (byte)'.';
            body.CopyTo(rented.AsSpan(written + 1));
            return MatchesAnySecret(secrets, rented.AsSpan(0, signedLength), signatures[..(count * HashSize)])
                ? RoezanSignatureCheck.Valid
                : RoezanSignatureCheck.Mismatch;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Whether a configured value holds at least one secret (not just separators).</summary>
    public static bool HasSecret([NotNullWhen(true)] string? secrets) =>
        secrets is not null && secrets.AsSpan().ContainsAnyExcept(SecretSeparators);

    /// <summary>Builds the header Roezan would send: for tests, the simulator and operators replaying an event.</summary>
    public static string CreateHeader(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(hash)}";
    }

    private static bool MatchesAnySecret(string secrets, ReadOnlySpan<byte> signed, ReadOnlySpan<byte> signatures)
    {
        Span<byte> expected = stackalloc byte[HashSize];
        var matched = false;
        var remaining = secrets.AsSpan();
        while (!remaining.IsEmpty)
        {
            var end = remaining.IndexOfAny(SecretSeparators);
            var secret = end < 0 ? remaining : remaining[..end];
            remaining = end < 0 ? [] : remaining[(end + 1)..];
            if (secret.IsEmpty)
            {
                continue;
            }

            ComputeHash(secret, signed, expected);
            for (var i = 0; i < signatures.Length; i += HashSize)
            {
                // No early exit: the time taken does not tell which secret or which v1 value matched.
                matched |= CryptographicOperations.FixedTimeEquals(expected, signatures.Slice(i, HashSize));
            }
        }

        CryptographicOperations.ZeroMemory(expected);
        return matched;
    }

    private static void ComputeHash(ReadOnlySpan<char> secret, ReadOnlySpan<byte> signed, Span<byte> destination)
    {
        var keyLength = Encoding.UTF8.GetByteCount(secret);
        byte[]? rented = null;
        Span<byte> key = keyLength <= StackKeyLimit
            ? stackalloc byte[StackKeyLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(keyLength));
        try
        {
            var written = Encoding.UTF8.GetBytes(secret, key);
            HMACSHA256.HashData(key[..written], signed, destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// <c>t=&lt;digits&gt;</c> exactly once and one to <see cref="MaxSignatures"/> <c>v1=&lt;64 hex&gt;</c>;
    /// other schemes (<c>v0=</c>, future <c>v2=</c>) are ignored so that Roezan can add one.
    /// </summary>
    private static bool TryParseHeader(
        string header, Span<byte> signatures, out long timestamp, out ReadOnlySpan<char> timestampText, out int count)
    {
        timestamp = 0;
        timestampText = default;
        count = 0;
        var seenTimestamp = false;
        var remaining = header.AsSpan();
        while (true)
        {
            var comma = remaining.IndexOf(',');
            var part = (comma < 0 ? remaining : remaining[..comma]).Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                return false;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.SequenceEqual("t"))
            {
                if (seenTimestamp || value.IsEmpty || value.Length > 12 || value.ContainsAnyExceptInRange('0', '9') ||
                    !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
                {
                    return false;
                }

                seenTimestamp = true;
                timestampText = value;
            }
            else if (key.SequenceEqual("v1"))
            {
                if (count == MaxSignatures || value.Length != HashSize * 2 ||
                    Convert.FromHexString(value, signatures.Slice(count * HashSize, HashSize), out _, out var written) != OperationStatus.Done ||
                    written != HashSize)
                {
                    return false;
                }

                count++;
            }

            if (comma < 0)
            {
                break;
            }

            remaining = remaining[(comma + 1)..];
        }

        return seenTimestamp && count > 0;
    }
}
