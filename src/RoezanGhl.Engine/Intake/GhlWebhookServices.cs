using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Intake;

/// <summary>What the GHL door reports through: its logger, the once-per-location memory and its counter.</summary>
public sealed class GhlWebhookServices(GhlUnknownLocations unknownLocations, GhlWebhookMeter meter, ILogger<GhlWebhookIngestor> logger)
{
    public GhlUnknownLocations UnknownLocations { get; } = unknownLocations ?? throw new ArgumentNullException(nameof(unknownLocations));

    public GhlWebhookMeter Meter { get; } = meter ?? throw new ArgumentNullException(nameof(meter));

    public ILogger Logger { get; } = logger ?? throw new ArgumentNullException(nameof(logger));
}
