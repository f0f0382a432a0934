namespace RoezanGhl.Ghl.Models;

/// <summary>Where a contact came from (<c>AttributionSource</c>); read-only for us.</summary>
public sealed class GhlAttributionSource
{
    public string? Url { get; set; }

    public string? Campaign { get; set; }

    public string? UtmSource { get; set; }

    public string? UtmMedium { get; set; }

    public string? UtmContent { get; set; }

    public string? Referrer { get; set; }

    public string? CampaignId { get; set; }

    public string? Medium { get; set; }

    public string? MediumId { get; set; }
}
