using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.RoezanSimulator.Webhooks;

/// <summary>
/// Signs a webhook body in our contract: <c>X-Roezan-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex
/// HMAC-SHA256 of "t.rawBody"&gt;</c>. Several secrets (comma- or whitespace-separated, a rotation)
/// give one <c>v1</c> each, as the receiver accepts any matching one.
/// </summary>
public static class RoezanWebhookSignature
{
    public const string HeaderName = "X-Roezan-Signature";

    private static readonly char[] SecretSeparators = [',', ' ', '\t', '\r', '\n'];

    public static string CreateHeader(string secrets, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secrets);
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed.AsSpan(timestamp.Length + 1));

        var header = new StringBuilder("t=").Append(timestamp);
        foreach (var secret in secrets.Split(SecretSeparators, StringSplitOptions.RemoveEmptyEntries))
        {
            header.Append(",v1=").Append(Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)));
        }

        return header.ToString();
    }
}
