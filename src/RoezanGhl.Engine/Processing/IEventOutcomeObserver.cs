namespace RoezanGhl.Engine.Processing;

/// <summary>
/// Hears how each delivery of a queued event ended, once per delivery (including those that throw for the host to
/// retry; a message that is no queued event is only counted on the meter, there is no event to tell about). Register any number with <c>services.AddSingleton&lt;IEventOutcomeObserver, …&gt;()</c>: tests and the
/// load harness watch outcomes this way. Called on the processing path, so it must be quick, and must not throw
/// (an exception is logged and ignored).
/// </summary>
public interface IEventOutcomeObserver
{
    void OnOutcome(EventOutcome outcome);
}
