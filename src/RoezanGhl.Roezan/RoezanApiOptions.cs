using System.ComponentModel.DataAnnotations;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Roezan;

/// <summary>
/// The <c>Roezan:Api</c> section: where Roezan's integration API lives. Roezan does not document it (it is
/// known from public client code), so the base URL and every path are settings that can follow a change
/// without a release. The API key is a secret per account (<see cref="Credentials.Secrets.SecretNames.RoezanApiKey"/>).
/// </summary>
public sealed class RoezanApiOptions
{
    public const string SectionName = "Roezan:Api";

    /// <summary>The API root (<c>Roezan__Api__BaseUrl</c>).</summary>
    [Required]
    public Uri BaseUrl { get; set; } = new("https://app.roezan.com/api");

    /// <summary>Contact lookup; the phone number goes in the <c>phone</c> query parameter.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ContactLookupPath { get; set; } = "/integrations/contacts";

    /// <summary>Create or update a contact, keyed by phone (<c>POST</c>).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ContactUpsertPath { get; set; } = "/integrations/contacts";

    /// <summary>A contact's messages; <c>{contactId}</c> is replaced, <c>direction=inbound</c> and <c>limit</c> are added.</summary>
    [Required(AllowEmptyStrings = false)]
    public string MessagesPath { get; set; } = "/integrations/contacts/{contactId}/messages";

    /// <summary>Send one text (<c>POST {phone, message}</c>); never retried by the client.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SendPath { get; set; } = "/integrations/message/send";

    /// <summary>Messages asked for per contact (Roezan's page size).</summary>
    [Range(1, 1000)]
    public int MessagesLimit { get; set; } = 100;

    /// <summary>Time allowed for one attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed GET (5xx, timeout, 429 after its Retry-After).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// When Roezan says the rate limit is used up (<c>ratelimit-remaining: 0</c>), calls wait for
    /// <c>ratelimit-reset</c> if it is at most this far away; a longer wait ends the caller's work for now.
    /// </summary>
    public TimeSpan MaxRateLimitWait { get; set; } = TimeSpan.FromSeconds(30);
}
