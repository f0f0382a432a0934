using System.Security.Cryptography;
using System.Text;
using RoezanGhl.Core.Events;

namespace RoezanGhl.Core.Tests.Events;

public class RoezanSignatureVerifierTests
{
    private const string Secret = "test-secret-1";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"evt_1","type":"note.created"}""");

    private static string Hmac(string secret, long t, byte[] body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{t}.").Concat(body).ToArray()));

    private static RoezanSignatureCheck Verify(string? header, byte[]? body = null, string? secrets = Secret) =>
        RoezanSignatureVerifier.Verify(header, body ?? Body, secrets, Now, Tolerance);

    [Fact]
    public void A_signature_made_with_the_secret_over_timestamp_dot_body_is_valid()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Valid, Verify($"t={t},v1={Hmac(Secret, t, Body)}"));
    }

    [Fact]
    public void The_header_the_verifier_builds_is_the_documented_hmac()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal($"t={t},v1={Hmac(Secret, t, Body)}", RoezanSignatureVerifier.CreateHeader(Secret, t, Body));
    }

    [Fact]
    public void Upper_case_hex_and_spaces_around_parts_are_accepted()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Valid, Verify($" t={t} , v1={Hmac(Secret, t, Body).ToUpperInvariant()} "));
    }

    [Fact]
    public void A_signature_made_with_another_secret_is_a_mismatch()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Mismatch, Verify($"t={t},v1={Hmac("test-secret-2", t, Body)}"));
    }

    [Fact]
    public void A_body_changed_by_one_byte_is_a_mismatch()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Hmac(Secret, t, Body)}";
        var changed = (byte[])Body.Clone();
        changed[10] ^= 0x01;
        Assert.Equal(RoezanSignatureCheck.Mismatch, Verify(header, changed));
    }

    [Fact]
    public void A_changed_timestamp_is_a_mismatch_because_it_is_signed_too()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Mismatch, Verify($"t={t - 1},v1={Hmac(Secret, t, Body)}"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(3600)]
    public void A_timestamp_older_than_five_minutes_is_too_old(int secondsAgo)
    {
        var t = Now.ToUnixTimeSeconds() - secondsAgo;
        Assert.Equal(RoezanSignatureCheck.TooOld, Verify($"t={t},v1={Hmac(Secret, t, Body)}"));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(86400)]
    public void A_timestamp_more_than_five_minutes_ahead_is_in_the_future(int secondsAhead)
    {
        var t = Now.ToUnixTimeSeconds() + secondsAhead;
        Assert.Equal(RoezanSignatureCheck.InTheFuture, Verify($"t={t},v1={Hmac(Secret, t, Body)}"));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_exactly_at_the_tolerance_is_still_valid(int offset)
    {
        var t = Now.ToUnixTimeSeconds() + offset;
        Assert.Equal(RoezanSignatureCheck.Valid, Verify($"t={t},v1={Hmac(Secret, t, Body)}"));
    }

    [Fact]
    public void During_a_rotation_a_delivery_signed_with_the_old_secret_passes_when_both_are_configured()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Hmac("test-secret-old", t, Body)}";
        Assert.Equal(RoezanSignatureCheck.Valid, Verify(header, secrets: "test-secret-new,test-secret-old"));
        Assert.Equal(RoezanSignatureCheck.Valid, Verify(header, secrets: "test-secret-new\n  test-secret-old "));
        Assert.Equal(RoezanSignatureCheck.Mismatch, Verify(header, secrets: "test-secret-new"));
    }

    [Fact]
    public void During_a_rotation_a_header_with_two_v1_values_passes_when_either_matches()
    {
        var t = Now.ToUnixTimeSeconds();
        var header = $"t={t},v1={Hmac("test-secret-new", t, Body)},v1={Hmac("test-secret-old", t, Body)}";
        Assert.Equal(RoezanSignatureCheck.Valid, Verify(header, secrets: "test-secret-old"));
        Assert.Equal(RoezanSignatureCheck.Valid, Verify(header, secrets: "test-secret-new"));
        Assert.Equal(RoezanSignatureCheck.Mismatch, Verify(header, secrets: "test-secret-other"));
    }

    [Fact]
    public void Other_schemes_are_ignored_so_that_roezan_can_add_one()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Valid, Verify($"t={t},v0=abc,v1={Hmac(Secret, t, Body)}"));
    }

    [Fact]
    public void A_missing_header_is_reported_as_missing()
    {
        Assert.Equal(RoezanSignatureCheck.Missing, Verify(null));
        Assert.Equal(RoezanSignatureCheck.Missing, Verify("   "));
    }

    [Fact]
    public void An_account_without_a_secret_fails_whatever_the_header_says()
    {
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.NoSecret, Verify($"t={t},v1={Hmac(Secret, t, Body)}", secrets: null));
        Assert.Equal(RoezanSignatureCheck.NoSecret, Verify($"t={t},v1={Hmac(Secret, t, Body)}", secrets: " , "));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1732442400")]
    [InlineData("v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=-1732442400,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1732442400,t=1732442400,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1732442400,v1=00ff")]
    [InlineData("t=1732442400,v1=zz00000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1732442400;v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=1732442400,,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("t=,v1=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_malformed_header_is_reported_as_malformed(string header) =>
        Assert.Equal(RoezanSignatureCheck.Malformed, Verify(header));

    [Fact]
    public void More_than_eight_v1_values_are_malformed()
    {
        var t = Now.ToUnixTimeSeconds();
        var v1 = string.Join(",", Enumerable.Repeat($"v1={Hmac(Secret, t, Body)}", 9));
        Assert.Equal(RoezanSignatureCheck.Malformed, Verify($"t={t},{v1}"));
    }

    [Fact]
    public void A_long_secret_is_hashed_as_well_as_a_short_one()
    {
        var secret = new string('k', 1000);
        var t = Now.ToUnixTimeSeconds();
        Assert.Equal(RoezanSignatureCheck.Valid, Verify($"t={t},v1={Hmac(secret, t, Body)}", secrets: secret));
    }
}
