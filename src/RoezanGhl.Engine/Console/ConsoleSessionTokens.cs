using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// The console's session cookie for <see cref="ConsoleAccessMode.Key"/>: the console key is given once on the sign-in
/// page and exchanged for <c>v1.{expiry unix seconds}.{nonce}.{HMAC-SHA256}</c>, signed with a key derived from the
/// console key (rotating the console key ends every session). Nothing in it is secret or personal; it only proves
/// that whoever holds it knew the key until its expiry.
/// </summary>
public sealed class ConsoleSessionTokens(TimeProvider time)
{
    private const string Version = "v1";

    public string Issue(string consoleKey, TimeSpan lifetime)
    {
        var expiry = (time.GetUtcNow() + lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = $"{Version}.{expiry}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
        return payload + "." + Sign(consoleKey, payload);
    }

    /// <summary>True when <paramref name="token"/> was issued with <paramref name="consoleKey"/> and has not expired.</summary>
    public bool IsValid(string consoleKey, string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 4 } || parts[0] != Version || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expiry))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(consoleKey, string.Join('.', parts[..3])));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[3]))
            && time.GetUtcNow().ToUnixTimeSeconds() < expiry;
    }

    /// <summary>Whether the key someone typed is the console key (in constant time, whatever the lengths).</summary>
    public static bool KeyMatches(string consoleKey, string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(consoleKey)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static string Sign(string consoleKey, string payload)
    {
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes(consoleKey), "roezan-ghl console session"u8);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload)));
    }
}
