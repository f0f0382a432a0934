namespace RoezanGhl.Ghl.Models;

/// <summary>A custom field defined in a location (<c>GET /locations/{locationId}/customFields</c>): what a mapping connects a Roezan custom field to.</summary>
public sealed class GhlCustomFieldDefinition
{
    public string Id { get; set; } = "";

    public string? Name { get; set; }

    /// <summary>Such as <c>contact.plan</c>.</summary>
    public string? FieldKey { get; set; }

    public string? DataType { get; set; }

    /// <summary><c>contact</c> or <c>opportunity</c>.</summary>
    public string? Model { get; set; }
}
