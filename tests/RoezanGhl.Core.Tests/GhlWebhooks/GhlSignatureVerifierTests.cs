using System.Security.Cryptography;
using System.Text;
using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

public class GhlSignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes(
        """{"type":"ContactUpdate","locationId":"loc-1","id":"c-1","webhookId":"wh-1","timestamp":"2026-11-24T10:00:00.000Z"}""");

    private readonly GhlTestSigningKey _key = new();

    private static GhlSignatureVerifier VerifierFor(params GhlTestSigningKey[] keys) => new(keys.Select(k => k.PublicKeyBase64), null);

    [Fact]
    public void A_signature_by_the_configured_key_over_the_raw_body_is_valid()
    {
        var verdict = VerifierFor(_key).Verify(_key.Sign(Body), null, Body);

        Assert.Equal(new GhlSignatureVerdict(GhlSignatureCheck.Valid, GhlSignatureScheme.Ed25519, 0), verdict);
    }

    [Fact]
    public void A_signature_by_a_key_that_is_not_configured_is_a_mismatch()
    {
        var verdict = VerifierFor(_key).Verify(new GhlTestSigningKey().Sign(Body), null, Body);

        Assert.Equal(GhlSignatureCheck.Mismatch, verdict.Check);
        Assert.Null(verdict.KeyIndex);
    }

    [Fact]
    public void After_a_rotation_a_signature_by_the_second_configured_key_is_valid_and_names_that_key()
    {
        var rotated = new GhlTestSigningKey();

        var verdict = VerifierFor(_key, rotated).Verify(rotated.Sign(Body), null, Body);

        Assert.True(verdict.IsValid);
        Assert.Equal(1, verdict.KeyIndex);
    }

    [Fact]
    public void A_body_changed_by_one_byte_is_a_mismatch()
    {
        var signature = _key.Sign(Body);
        var changed = (byte[])Body.Clone();
        changed[40] ^= 0x01;

        Assert.Equal(GhlSignatureCheck.Mismatch, VerifierFor(_key).Verify(signature, null, changed).Check);
    }

    [Fact]
    public void A_body_with_one_byte_more_is_a_mismatch()
    {
        var signature = _key.Sign(Body);

        Assert.Equal(GhlSignatureCheck.Mismatch, VerifierFor(_key).Verify(signature, null, [.. Body, (byte)' ']).Check);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("  ", null)]
    public void Without_either_signature_header_the_signature_is_missing(string? signature, string? legacy)
    {
        Assert.Equal(new GhlSignatureVerdict(GhlSignatureCheck.Missing, GhlSignatureScheme.None), VerifierFor(_key).Verify(signature, legacy, Body));
    }

    [Theory]
    [InlineData("not base64 at all!")]
    [InlineData("c2lnbmF0dXJl")]
    public void A_header_that_is_not_the_base64_of_64_bytes_is_malformed(string signature)
    {
        Assert.Equal(GhlSignatureCheck.Malformed, VerifierFor(_key).Verify(signature, null, Body).Check);
    }

    [Theory]
    [InlineData(63)]
    [InlineData(65)]
    [InlineData(128)]
    public void A_signature_of_the_wrong_length_is_malformed(int length)
    {
        var signature = Convert.ToBase64String(new byte[length]);

        Assert.Equal(GhlSignatureCheck.Malformed, VerifierFor(_key).Verify(signature, null, Body).Check);
    }

    [Fact]
    public void Spaces_around_the_header_value_are_ignored()
    {
        Assert.True(VerifierFor(_key).Verify($"  {_key.Sign(Body)} ", null, Body).IsValid);
    }

    [Fact]
    public void A_legacy_only_delivery_is_refused_while_legacy_rsa_is_off_even_when_its_signature_is_good()
    {
        using var rsa = new GhlTestRsaKey();

        var verdict = VerifierFor(_key).Verify(null, rsa.Sign(Body), Body);

        Assert.Equal(new GhlSignatureVerdict(GhlSignatureCheck.LegacyNotAllowed, GhlSignatureScheme.LegacyRsa), verdict);
    }

    [Fact]
    public void A_legacy_only_delivery_signed_with_the_rsa_key_is_valid_when_legacy_rsa_is_on()
    {
        using var rsa = new GhlTestRsaKey();
        var verifier = new GhlSignatureVerifier([_key.PublicKeyBase64], rsa.PublicKeyPem);

        Assert.Equal(new GhlSignatureVerdict(GhlSignatureCheck.Valid, GhlSignatureScheme.LegacyRsa), verifier.Verify(null, rsa.Sign(Body), Body));
    }

    [Fact]
    public void A_legacy_signature_over_a_changed_body_or_by_another_rsa_key_is_a_mismatch()
    {
        using var rsa = new GhlTestRsaKey();
        using var other = new GhlTestRsaKey();
        var verifier = new GhlSignatureVerifier([_key.PublicKeyBase64], rsa.PublicKeyPem);
        var changed = (byte[])Body.Clone();
        changed[0] = (byte)' ';

        Assert.Equal(GhlSignatureCheck.Mismatch, verifier.Verify(null, rsa.Sign(Body), changed).Check);
        Assert.Equal(GhlSignatureCheck.Mismatch, verifier.Verify(null, other.Sign(Body), Body).Check);
        Assert.Equal(GhlSignatureCheck.Malformed, verifier.Verify(null, "%%%", Body).Check);
    }

    [Fact]
    public void When_x_ghl_signature_is_present_a_good_legacy_signature_does_not_rescue_a_bad_one()
    {
        using var rsa = new GhlTestRsaKey();
        var verifier = new GhlSignatureVerifier([_key.PublicKeyBase64], rsa.PublicKeyPem);

        var verdict = verifier.Verify(new GhlTestSigningKey().Sign(Body), rsa.Sign(Body), Body);

        Assert.Equal(new GhlSignatureVerdict(GhlSignatureCheck.Mismatch, GhlSignatureScheme.Ed25519), verdict);
    }

    [Fact]
    public void When_both_signatures_are_good_the_ed25519_one_decides()
    {
        using var rsa = new GhlTestRsaKey();
        var verifier = new GhlSignatureVerifier([_key.PublicKeyBase64], rsa.PublicKeyPem);

        Assert.Equal(GhlSignatureScheme.Ed25519, verifier.Verify(_key.Sign(Body), rsa.Sign(Body), Body).Scheme);
    }

    [Fact]
    public void Rfc_8032_test_vectors_verify_so_the_scheme_is_pure_ed25519_as_openssl_and_node_make_it()
    {
        // RFC 8032 §7.1, TEST 1 (empty message) and TEST 2 (one byte 0x72).
        AssertVector("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
        AssertVector("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

        static void AssertVector(string publicKeyHex, string messageHex, string signatureHex)
        {
            byte[] info = [.. Convert.FromHexString("302a300506032b6570032100"), .. Convert.FromHexString(publicKeyHex)];
            var verifier = new GhlSignatureVerifier([Convert.ToBase64String(info)], null);
            var signature = Convert.ToBase64String(Convert.FromHexString(signatureHex));

            Assert.True(verifier.Verify(signature, null, Convert.FromHexString(messageHex)).IsValid);
        }
    }

    [Fact]
    public void With_no_key_configured_the_verifier_uses_highlevels_published_key_only()
    {
        var options = new GhlWebhookOptions();
        options.PublicKeys.Add("  ");
        var verifier = GhlSignatureVerifier.FromOptions(options);

        Assert.Equal([GhlPublishedKeys.Ed25519], options.EffectivePublicKeys());
        Assert.Equal(1, verifier.KeyCount);
        Assert.False(verifier.AcceptsLegacyRsa);
        Assert.Equal(GhlSignatureCheck.Mismatch, verifier.Verify(_key.Sign(Body), null, Body).Check);
    }

    [Fact]
    public void Highlevels_published_keys_read_as_an_ed25519_point_and_a_4096_bit_rsa_key()
    {
        Assert.True(GhlPublicKeyReader.TryReadEd25519(GhlPublishedKeys.Ed25519, out var key, out var problem), problem);
        Assert.Equal("8b61d1d6cacbe28d", Convert.ToHexStringLower(key.AsSpan(0, 8)));

        Assert.True(GhlPublicKeyReader.TryReadRsa(GhlPublishedKeys.LegacyRsa, out var info, out problem), problem);
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(info, out _);
        Assert.Equal(4096, rsa.KeySize);
    }

    [Fact]
    public void Legacy_rsa_turned_on_without_a_key_uses_highlevels_published_rsa_key()
    {
        var options = new GhlWebhookOptions { AllowLegacyRsa = true };

        Assert.True(GhlSignatureVerifier.FromOptions(options).AcceptsLegacyRsa);
        Assert.Equal(GhlPublishedKeys.LegacyRsa, options.EffectiveLegacyPublicKey());
    }

    [Fact]
    public void A_verifier_needs_a_key_and_names_the_one_it_cannot_read()
    {
        Assert.Throws<ArgumentException>(() => new GhlSignatureVerifier([], null));

        var bad = Assert.Throws<ArgumentException>(() => new GhlSignatureVerifier([_key.PublicKeyBase64, "bm90IGEga2V5"], null));
        Assert.Contains("key 1", bad.Message, StringComparison.Ordinal);
    }
}
