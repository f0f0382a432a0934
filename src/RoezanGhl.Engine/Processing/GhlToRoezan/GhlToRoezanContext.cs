using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>
/// What the GHL → Roezan classes share: the clock, the processing settings, the accounts' mappings, the conflict counter,
/// the conflict write-back and the logger.
/// </summary>
public sealed class GhlToRoezanContext(TimeProvider time, IOptions<SyncProcessingOptions> processing, IPlanningProfileSource profiles, TwoWayMeter conflicts, ConflictWriteBacks writeBacks, ILogger<GhlToRoezanApplier> logger)
{
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    public SyncProcessingOptions Processing { get; } = (processing ?? throw new ArgumentNullException(nameof(processing))).Value;

    /// <summary>The accounts' field mappings: the state recorded for Roezan → GHL is in its terms.</summary>
    public IPlanningProfileSource Profiles { get; } = profiles ?? throw new ArgumentNullException(nameof(profiles));

    public TwoWayMeter Conflicts { get; } = conflicts ?? throw new ArgumentNullException(nameof(conflicts));

    /// <summary>Writes a settled conflict's winner back to GHL, so both systems hold it.</summary>
    public ConflictWriteBacks WriteBacks { get; } = writeBacks ?? throw new ArgumentNullException(nameof(writeBacks));

    public ILogger Logger { get; } = logger ?? throw new ArgumentNullException(nameof(logger));
}
