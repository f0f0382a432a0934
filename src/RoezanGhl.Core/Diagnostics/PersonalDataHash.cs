using System.Security.Cryptography;
using System.Text;

namespace RoezanGhl.Core.Diagnostics;

/// <summary>
/// A short, stable stand-in for a value that must not be logged (a phone or email inside a lease key): the same
/// value always gives the same text, so two log lines about one contact can be matched, but the value is not in
/// it. Eight hex digits of SHA-256: enough to tell keys apart in a log, too few to look a number up by.
/// </summary>
public static class PersonalDataHash
{
    public static string Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
    }
}
