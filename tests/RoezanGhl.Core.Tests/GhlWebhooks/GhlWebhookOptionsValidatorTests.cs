using RoezanGhl.Core.GhlWebhooks;

namespace RoezanGhl.Core.Tests.GhlWebhooks;

public class GhlWebhookOptionsValidatorTests
{
    private static readonly GhlWebhookOptionsValidator Validator = new();

    private static IEnumerable<string> Failures(GhlWebhookOptions options) =>
        Validator.Validate(null, options).Failures ?? [];

    private static GhlWebhookOptions WithKeys(params string?[] keys)
    {
        var options = new GhlWebhookOptions();
        foreach (var key in keys)
        {
            options.PublicKeys.Add(key);
        }

        return options;
    }

    [Fact]
    public void The_defaults_are_valid_and_mean_highlevels_published_keys()
    {
        var options = new GhlWebhookOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.Equal([GhlPublishedKeys.Ed25519], options.EffectivePublicKeys());
        Assert.Equal((false, GhlWebhookOptions.DefaultMaxBodyBytes, TimeSpan.FromMinutes(5)), (options.AllowLegacyRsa, options.MaxBodyBytes, options.TimestampTolerance));
    }

    [Fact]
    public void A_key_may_be_a_pem_block_or_its_base64_body_and_blank_entries_are_skipped()
    {
        var first = new GhlTestSigningKey();
        var second = new GhlTestSigningKey();
        var options = WithKeys(first.PublicKeyPem, "", "  ", second.PublicKeyBase64);

        Assert.Empty(Failures(options));
        Assert.Equal([first.PublicKeyPem, second.PublicKeyBase64], options.EffectivePublicKeys());
    }

    [Theory]
    [InlineData("not a key!", "GhlWebhook:PublicKeys:1 is neither a PEM 'PUBLIC KEY' block nor base64.")]
    [InlineData("bm90IGEga2V5", "GhlWebhook:PublicKeys:1 is not an Ed25519 public key (a 44-byte SubjectPublicKeyInfo, RFC 8410).")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=\n", "GhlWebhook:PublicKeys:1 is not a complete PEM block.")]
    public void A_key_that_cannot_be_read_is_named_by_its_setting(string key, string failure)
    {
        Assert.Equal([failure], Failures(WithKeys(new GhlTestSigningKey().PublicKeyBase64, key)));
    }

    [Fact]
    public void A_key_off_the_curve_is_refused()
    {
        // A y coordinate with no x on the curve (2 is not a square residue's partner here): a typo, not a key.
        byte[] info = [.. Convert.FromHexString("302a300506032b6570032100"), .. Enumerable.Repeat((byte)0xFF, 31), 0x7F];

        var failure = Assert.Single(Failures(WithKeys(Convert.ToBase64String(info))));

        Assert.StartsWith("GhlWebhook:PublicKeys:0 is not a valid Ed25519 public key", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rsa_key_put_among_the_ed25519_keys_gets_a_hint()
    {
        Assert.Equal(
            ["GhlWebhook:PublicKeys:0 is an RSA key, not Ed25519 (HighLevel's RSA key belongs in GhlWebhook:LegacyPublicKey)."],
            Failures(WithKeys(GhlPublishedKeys.LegacyRsa)));
    }

    [Fact]
    public void A_private_key_pasted_by_mistake_is_refused_without_quoting_it()
    {
        const string body = "MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC";

        var failure = Assert.Single(Failures(WithKeys($"-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----")));

        Assert.Equal("GhlWebhook:PublicKeys:0 is a PEM 'PRIVATE KEY' block; a 'PUBLIC KEY' block is expected.", failure);
        Assert.DoesNotContain(body[..12], failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_legacy_key_is_named_even_while_legacy_rsa_is_off()
    {
        var options = new GhlWebhookOptions { LegacyPublicKey = new GhlTestSigningKey().PublicKeyPem };

        Assert.Equal(["GhlWebhook:LegacyPublicKey is not an RSA public key (SubjectPublicKeyInfo)."], Failures(options));
    }

    [Fact]
    public void A_legacy_rsa_key_under_2048_bits_is_refused()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(1024);
        var options = new GhlWebhookOptions { AllowLegacyRsa = true, LegacyPublicKey = rsa.ExportSubjectPublicKeyInfoPem() };

        Assert.Equal(["GhlWebhook:LegacyPublicKey is a 1024-bit RSA key; at least 2048 bits are required."], Failures(options));
    }

    [Theory]
    [InlineData(1023)]
    [InlineData(1024 * 1024 + 1)]
    public void A_body_limit_out_of_range_is_named(int bytes)
    {
        Assert.Equal(["GhlWebhook:MaxBodyBytes must be between 1024 and 1048576."], Failures(new GhlWebhookOptions { MaxBodyBytes = bytes }));
    }

    [Theory]
    [InlineData(29)]
    [InlineData(3601)]
    public void A_tolerance_out_of_range_is_named(int seconds)
    {
        Assert.Equal(
            ["GhlWebhook:TimestampTolerance must be between 00:00:30 and 01:00:00."],
            Failures(new GhlWebhookOptions { TimestampTolerance = TimeSpan.FromSeconds(seconds) }));
    }

    [Fact]
    public void Every_bad_setting_is_reported_at_once()
    {
        var options = WithKeys("x!", "y!");
        options.MaxBodyBytes = 0;

        Assert.Equal(3, Failures(options).Count());
    }
}
