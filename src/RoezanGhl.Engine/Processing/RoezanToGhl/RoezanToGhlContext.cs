using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Processing.RoezanToGhl;

/// <summary>What the Roezan → GHL applier shares with its collaborators: the clock, the processing settings and its logger.</summary>
public sealed class RoezanToGhlContext(TimeProvider time, IOptions<SyncProcessingOptions> processing, ILogger<RoezanToGhlApplier> logger)
{
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    public SyncProcessingOptions Processing { get; } = (processing ?? throw new ArgumentNullException(nameof(processing))).Value;

    public ILogger Logger { get; } = logger ?? throw new ArgumentNullException(nameof(logger));
}
