using System.Security.Cryptography;
using System.Text;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.TwoWay;

/// <summary>
/// The fingerprint of a contact's mapped state (names, email, phone, tags): a SHA-256 over a canonical form (email
/// and tags lower-cased, tags sorted), so that the same state read from GHL or from Roezan gives the same value and a
/// stored fingerprint reveals no personal data. Echo suppression compares fingerprints (<see cref="EchoHistory"/>).
/// </summary>
public static class ContactFingerprint
{
    public static string Of(ContactFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var canonical = new StringBuilder();
        canonical.Append(fields.FirstName).Append('\u001f')
            .Append(fields.LastName).Append('\u001f')
            .Append(fields.Email?.ToLowerInvariant()).Append('\u001f')
            .Append(fields.Phone).Append('\u001f');
        foreach (var tag in fields.Tags.Select(tag => tag.ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            canonical.Append(tag).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))[..32];
    }
}
