namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// HighLevel's published webhook signing keys: the defaults when <c>GhlWebhook:PublicKeys</c> and
/// <c>GhlWebhook:LegacyPublicKey</c> are empty. HighLevel announces rotations by email and in its developer
/// Slack; put the new key in configuration (beside the old one while both may sign) rather than here.
/// </summary>
public static class GhlPublishedKeys
{
    /// <summary>
    /// The Ed25519 key of <c>X-GHL-Signature</c>, from HighLevel's Webhook Integration Guide
    /// (marketplace.gohighlevel.com/docs/webhook/WebhookIntegrationGuide), as quoted identically by many
    /// public integrations of that page.
    /// </summary>
    public const string Ed25519 = """
        -----BEGIN PUBLIC KEY-----
        MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=
        -----END PUBLIC KEY-----
        """;

    /// <summary>The 4096-bit RSA key of the legacy <c>X-WH-Signature</c>, from HighLevel's Webhook Authentication Guide (CC0).</summary>
    public const string LegacyRsa = """
        -----BEGIN PUBLIC KEY-----
        MIICIjANBgkqhkiG9w0BAQEFAAOCAg8AMIICCgKCAgEAokvo/r9tVgcfZ5DysOSC
        Frm602qYV0MaAiNnX9O8KxMbiyRKWeL9JpCpVpt4XHIcBOK4u3cLSqJGOLaPuXw6
        dO0t6Q/ZVdAV5Phz+ZtzPL16iCGeK9po6D6JHBpbi989mmzMryUnQJezlYJ3DVfB
        csedpinheNnyYeFXolrJvcsjDtfAeRx5ByHQmTnSdFUzuAnC9/GepgLT9SM4nCpv
        uxmZMxrJt5Rw+VUaQ9B8JSvbMPpez4peKaJPZHBbU3OdeCVx5klVXXZQGNHOs8gF
        3kvoV5rTnXV0IknLBXlcKKAQLZcY/Q9rG6Ifi9c+5vqlvHPCUJFT5XUGG5RKgOKU
        J062fRtN+rLYZUV+BjafxQauvC8wSWeYja63VSUruvmNj8xkx2zE/Juc+yjLjTXp
        IocmaiFeAO6fUtNjDeFVkhf5LNb59vECyrHD2SQIrhgXpO4Q3dVNA5rw576PwTzN
        h/AMfHKIjE4xQA1SZuYJmNnmVZLIZBlQAF9Ntd03rfadZ+yDiOXCCs9FkHibELhC
        HULgCsnuDJHcrGNd5/Ddm5hxGQ0ASitgHeMZ0kcIOwKDOzOU53lDza6/Y09T7sYJ
        PQe7z0cvj7aE4B+Ax1ZoZGPzpJlZtGXCsu9aTEGEnKzmsFqwcSsnw3JB31IGKAyk
        T1hhTiaCeIY/OwwwNUY2yvcCAwEAAQ==
        -----END PUBLIC KEY-----
        """;
}
