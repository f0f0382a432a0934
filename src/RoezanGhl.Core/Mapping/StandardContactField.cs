namespace RoezanGhl.Core.Mapping;

/// <summary>
/// The contact fields that Roezan and GHL both know. Configuration names them in camelCase
/// ("firstName", "address1", "dateOfBirth"), which is also GHL's JSON name for each.
/// </summary>
public enum StandardContactField
{
    FirstName,
    LastName,
    Name,
    Email,
    Phone,
    CompanyName,
    Address1,
    City,
    State,
    PostalCode,
    Country,
    Website,
    Timezone,
    DateOfBirth,
    Source,
    Tags,
}
