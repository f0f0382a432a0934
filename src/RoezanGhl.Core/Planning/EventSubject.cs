namespace RoezanGhl.Core.Planning;

/// <summary>Whom an event is about: its contact (by Roezan id, phone, email) and, for task events, the Roezan task.</summary>
public sealed record EventSubject
{
    public required ContactIdentity Contact { get; init; }

    public string? RoezanTaskId { get; init; }
}
