using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// A short one-way fingerprint of a token secret's value: enough to tell "the same secret" from "a new one"
/// across instances without storing or logging the secret.
/// </summary>
internal static class SecretFingerprint
{
    public const string Missing = "missing";

    public static string Of(string? value)
    {
        if (value is null)
        {
            return Missing;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return "sha256:" + Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
