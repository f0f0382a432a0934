namespace RoezanGhl.Engine.Processing;

/// <summary>
/// What <see cref="DeliveryGate"/> (and its <see cref="LocationAdmission"/>) decided for one delivery: admitted (a
/// processing slot of its location held until disposed) or not worked on now (<see cref="Verdict"/>, no slot held).
/// </summary>
public sealed class AdmissionTicket : IDisposable
{
    private Action? _release;

    private AdmissionTicket(EventVerdict? verdict, Action? release)
    {
        Verdict = verdict;
        _release = release;
    }

    /// <summary>Admitted without a slot: the event's target is not rate limited here.</summary>
    public static AdmissionTicket Unlimited { get; } = new(null, null);

    /// <summary>How a delivery that is not worked on now ends (put back on the queue, failed, already done); null when admitted.</summary>
    public EventVerdict? Verdict { get; }

    /// <summary>Admitted; <paramref name="release"/> gives the slot back (once).</summary>
    public static AdmissionTicket Admitted(Action release) => new(null, release ?? throw new ArgumentNullException(nameof(release)));

    /// <summary>Not admitted: the delivery ends as <paramref name="verdict"/> says.</summary>
    public static AdmissionTicket Refused(EventVerdict verdict) => new(verdict ?? throw new ArgumentNullException(nameof(verdict)), null);

    public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
}
