using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.RoezanSimulator.Tests.Support;

/// <summary>
/// Checks <c>X-Roezan-Signature</c> the way a receiver would, written here from the contract (not
/// with the simulator's signer): <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "t." + raw body)&gt;</c>.
/// </summary>
internal static class SignatureCheck
{
    public static long Timestamp(string header) =>
        long.Parse(Parts(header).Single(part => part.Key == "t").Value, CultureInfo.InvariantCulture);

    public static IReadOnlyList<string> Signatures(string header) =>
        [.. Parts(header).Where(part => part.Key == "v1").Select(part => part.Value)];

    public static string Expected(string secret, string header, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(Timestamp(header).ToString(CultureInfo.InvariantCulture) + ".").Concat(body).ToArray();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(signed)).ToLowerInvariant();
    }

    public static bool IsSignedWith(string secret, string header, byte[] body) =>
        Signatures(header).Contains(Expected(secret, header, body), StringComparer.Ordinal);

    private static IEnumerable<KeyValuePair<string, string>> Parts(string header) =>
        header.Split(',').Select(part => part.Split('=', 2)).Select(pair => KeyValuePair.Create(pair[0].Trim(), pair[1].Trim()));
}
