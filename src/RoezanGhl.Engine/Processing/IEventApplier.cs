using RoezanGhl.Core.Sync;

namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Applies the events of one <see cref="SyncDirection"/> to their target: plans under leases, runs the plan's steps
/// with checkpoints, and says how the delivery ends (an <see cref="EventVerdict"/>, which the
/// <see cref="EventFinisher"/> records). <see cref="EventProcessor"/> picks the applier by the event's direction, so a
/// new direction is one more implementation registered beside the others.
/// </summary>
/// <remarks>
/// An applier turns its target's answers into verdicts (rate limited → requeue, refused → failed); any other
/// exception goes to the host, which retries the message, so an applier only catches what it understands.
/// </remarks>
public interface IEventApplier
{
    SyncDirection Direction { get; }

    /// <summary>Applies the delivery's event; <see cref="EventDelivery.Entry"/> is read and not final, and no other run holds it.</summary>
    Task<EventVerdict> ApplyAsync(EventDelivery delivery, CancellationToken cancellationToken);

    /// <summary>How a failure that goes to the host is recorded: the target's message and trace id where it has them.</summary>
    AttemptFailure DescribeFailure(Exception exception);
}
