namespace RoezanGhl.Storage.Leases;

/// <summary>The answer of <see cref="LeaseStore.TryAcquireAsync"/>: all keys held, or which key another event holds and until when.</summary>
public sealed record LeaseAcquisition
{
    public required bool Acquired { get; init; }

    public string? BlockingKey { get; init; }

    public string? HeldBy { get; init; }

    public DateTimeOffset? HeldUntil { get; init; }

    public static LeaseAcquisition All { get; } = new() { Acquired = true };
}
