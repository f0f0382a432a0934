namespace RoezanGhl.Roezan;

/// <summary>A contact as Roezan's integration API returns it (<c>{contact:{id, phone_number, opted_in, …}}</c>).</summary>
public sealed class RoezanApiContact
{
    public string Id { get; set; } = "";

    public string? PhoneNumber { get; set; }

    public bool? OptedIn { get; set; }

    public DateTimeOffset? OptedOutAt { get; set; }

    public bool? Invalid { get; set; }

    public bool? Deleted { get; set; }

    /// <summary>The contact's tags, when Roezan lists them (the simulator does; Roezan's public client code does not show it).</summary>
    public IReadOnlyList<string>? Tags { get; set; }
}
