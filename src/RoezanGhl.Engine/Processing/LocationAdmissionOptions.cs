using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// The <c>Sync:Admission</c> section: when a delivery bound for GHL is worked on now and when it goes back to the
/// queue (see <see cref="LocationAdmission"/>).
/// </summary>
public sealed class LocationAdmissionOptions
{
    public const string SectionName = "Sync:Admission";

    /// <summary>
    /// The longest expected wait for a GHL permit a delivery may spend holding a processing slot. Longer, and the
    /// delivery goes back to the queue until its permit is due. Well under <c>Ghl:RateLimitMaxWait</c> (30 s): above
    /// about a second a slot is worth more to another location; below it, a trip through the queue costs more.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Deliveries one instance works on at once: host.json's <c>extensions.queues.batchSize</c> plus
    /// <c>newBatchThreshold</c> (16 + 8). Each location busy at once gets an equal share of them.
    /// </summary>
    [Range(1, 1000)]
    public int ProcessingSlots { get; set; } = 24;

    /// <summary>
    /// Whether the door queues an event bound for GHL invisible until shortly before its location's turn (see
    /// <see cref="DoorPacer"/>), so that a bursting location's backlog waits off the visible queue and a quiet
    /// location's events are not read behind it.
    /// </summary>
    public bool PaceAtDoor { get; set; } = true;

    /// <summary>
    /// How long before its turn a paced event becomes visible. As <see cref="MaxWait"/> (1 s): read earlier, while
    /// other locations are busy, it would only be put back (five locations bursting: most deliveries of a 2 s lead
    /// were); a location bursting keeps the queue from looking empty, so the host does not back off its polling.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan DoorLead { get; set; } = TimeSpan.FromSeconds(1);
}
