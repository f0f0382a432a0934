namespace RoezanGhl.Engine.Processing;

/// <summary>
/// What <see cref="LocationAdmission"/> decided for one delivery: admitted (a processing slot of its location held
/// until disposed) or put back (<see cref="PutBack"/>, no slot held).
/// </summary>
public sealed class AdmissionTicket : IDisposable
{
    private Action? _release;

    private AdmissionTicket(EventVerdict? putBack, Action? release)
    {
        PutBack = putBack;
        _release = release;
    }

    /// <summary>Admitted without a slot: the event's target is not rate limited here.</summary>
    public static AdmissionTicket Unlimited { get; } = new(null, null);

    /// <summary>The verdict for a delivery that must wait on the queue; null when it was admitted.</summary>
    public EventVerdict? PutBack { get; }

    /// <summary>Admitted; <paramref name="release"/> gives the slot back (once).</summary>
    public static AdmissionTicket Admitted(Action release) => new(null, release ?? throw new ArgumentNullException(nameof(release)));

    /// <summary>Not admitted: the delivery goes back to the queue as <paramref name="verdict"/> says.</summary>
    public static AdmissionTicket Refused(EventVerdict verdict) => new(verdict ?? throw new ArgumentNullException(nameof(verdict)), null);

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
