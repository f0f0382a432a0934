using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Intake;

/// <summary>The <c>Webhook</c> configuration section (<c>Webhook__SignatureTolerance</c> and so on); the defaults fit.</summary>
public sealed class RoezanWebhookOptions
{
    public const string SectionName = "Webhook";

    public const int DefaultMaxBodyBytes = 256 * 1024;

    /// <summary>How far a signature's timestamp may be from our clock, either way.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00", ErrorMessage = "Webhook:SignatureTolerance must be between 30 seconds and 1 hour.")]
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a delivery may hold an event's ledger claim while it enqueues. A repeat within this time is told
    /// to retry later; after it the claim counts as abandoned (a crashed instance) and the repeat takes it over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00", ErrorMessage = "Webhook:ClaimTimeout must be between 5 seconds and 10 minutes.")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body accepted; anything larger is a 413 and is not read further.</summary>
    [Range(1024, DefaultMaxBodyBytes, ErrorMessage = "Webhook:MaxBodyBytes must be between 1024 and 262144.")]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;
}
