using System.Text;
using CsCheck;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Properties;

/// <summary>The signature verifier on generated headers, bodies and secrets.</summary>
public class SignatureProperties
{
    private const string Secret = "property-secret-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    /// <summary>Headers close to the real form (so the parser gets past its first checks) and any text at all.</summary>
    private static readonly Gen<string> Header = Gen.Frequency(
        (2, RoezanGens.Text),
        (3, Gen.Select(Gen.Long[0, 9_999_999_999], Gen.Char["0123456789abcdefABCDEFg"].Array[0, 66], Gen.OneOf(",", ", ", ",,", ",v0=1,", ",v1=", ""), Gen.Bool)
            .Select((t, hex, glue, twice) => $"t={t}{glue}v1={new string(hex)}" + (twice ? $",v1={new string(hex)}" : string.Empty))));

    [Fact]
    public void No_header_body_or_secret_makes_the_verifier_throw()
    {
        Gen.Select(Header, Gen.Byte.Array[0, 200], RoezanGens.Text.Select(text => text.Length == 0 ? null : text))
            .Sample((header, body, secrets) => Assert.True(Enum.IsDefined(RoezanSignatureVerifier.Verify(header, body, secrets, Now, Tolerance))), iter: PropertyIterations.Count);
    }

    [Fact]
    public void A_body_changed_in_any_byte_fails_the_signature()
    {
        Gen.Select(Gen.Byte.Array[1, 300], Gen.Int[0, int.MaxValue], Gen.Byte[1, 255]).Sample((body, at, flip) =>
        {
            var header = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), body);
            var changed = body.ToArray();
            changed[at % changed.Length] ^= flip;

            Assert.Equal(RoezanSignatureCheck.Valid, RoezanSignatureVerifier.Verify(header, body, Secret, Now, Tolerance));
            Assert.Equal(RoezanSignatureCheck.Mismatch, RoezanSignatureVerifier.Verify(header, changed, Secret, Now, Tolerance));
        }, iter: PropertyIterations.Count);
    }

    [Fact]
    public void A_body_with_a_byte_added_or_removed_fails_the_signature()
    {
        Gen.Select(Gen.Byte.Array[1, 300], Gen.Int[0, int.MaxValue], Gen.Byte).Sample((body, at, extra) =>
        {
            var header = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), body);
            var index = at % body.Length;
            byte[] longer = [.. body.AsSpan(0, index), extra, .. body.AsSpan(index)];
            byte[] shorter = [.. body.AsSpan(0, index), .. body.AsSpan(index + 1)];

            Assert.Equal(RoezanSignatureCheck.Mismatch, RoezanSignatureVerifier.Verify(header, longer, Secret, Now, Tolerance));
            Assert.Equal(RoezanSignatureCheck.Mismatch, RoezanSignatureVerifier.Verify(header, shorter, Secret, Now, Tolerance));
        }, iter: PropertyIterations.Count);
    }

    [Fact]
    public void Any_secret_list_holding_the_signing_secret_verifies_its_signature()
    {
        var secret = Gen.Char["abcXYZ019-_"].Array[1, 40].Select(chars => new string(chars));
        Gen.Select(secret, secret.Array[0, 3], Gen.OneOf(",", " ", "\n", ", "), Gen.Byte.Array[0, 100]).Sample((signing, others, separator, body) =>
        {
            var header = RoezanSignatureVerifier.CreateHeader(signing, Now.ToUnixTimeSeconds(), body);
            var configured = string.Join(separator, [.. others, signing]);

            Assert.Equal(RoezanSignatureCheck.Valid, RoezanSignatureVerifier.Verify(header, body, configured, Now, Tolerance));
        }, iter: PropertyIterations.Count);
    }

    [Fact]
    public void Text_bodies_are_signed_as_their_utf8_bytes()
    {
        RoezanGens.Text.Sample(text =>
        {
            var body = Encoding.UTF8.GetBytes(text);
            var header = RoezanSignatureVerifier.CreateHeader(Secret, Now.ToUnixTimeSeconds(), body);
            Assert.Equal(RoezanSignatureCheck.Valid, RoezanSignatureVerifier.Verify(header, body, Secret, Now, Tolerance));
        }, iter: PropertyIterations.Count);
    }
}
