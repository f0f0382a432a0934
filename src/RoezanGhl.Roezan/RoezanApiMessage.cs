namespace RoezanGhl.Roezan;

/// <summary>One message as Roezan's integration API lists it (<c>{id, content, created_at}</c>).</summary>
public sealed class RoezanApiMessage
{
    public string Id { get; set; } = "";

    public string? Content { get; set; }

    public DateTimeOffset? CreatedAt { get; set; }
}
