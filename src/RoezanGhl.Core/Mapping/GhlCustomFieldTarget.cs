namespace RoezanGhl.Core.Mapping;

/// <summary>A GHL custom field named by its id or by its key (set exactly one), as in GHL's <c>customFields [{id|key, field_value}]</c>.</summary>
public sealed class GhlCustomFieldTarget
{
    /// <summary>The custom field's id in the GHL location ("6dvNaf7VhkQ9snc5vnjJ").</summary>
    public string? Id { get; set; }

    /// <summary>The custom field's key ("contact.plan" or "plan").</summary>
    public string? Key { get; set; }

    public override string ToString() => Id is not null ? $"id {Id}" : $"key {Key}";
}
