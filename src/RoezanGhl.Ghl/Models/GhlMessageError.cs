namespace RoezanGhl.Ghl.Models;

/// <summary>The provider's error on a failed message (<c>ErrorDto</c>: all three members are required).</summary>
public sealed class GhlMessageError
{
    public required string Code { get; set; }

    public required string Type { get; set; }

    public required string Message { get; set; }
}
