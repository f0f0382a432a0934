using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Console;

namespace RoezanGhl.Functions.Console;

/// <summary>Builds the mapping editor's model for an account from the configuration in force and its versions.</summary>
public sealed class MappingModels(AccountConfigurations configurations, IOptions<RoezanOptions> options)
{
    /// <summary>A contact.created a person can preview with (fictional: 555-01xx phone, example.com email).</summary>
    public const string SampleEvent = """
        {
          "id": "evt_console_sample",
          "type": "contact.created",
          "occurredAt": "2026-11-24T09:00:00Z",
          "data": { "contact": { "id": "c_sample", "firstName": "Sam", "lastName": "Sample", "phone": "(201) 555-0142",
            "email": "sam.sample@example.com", "companyName": "Example Co", "tags": ["lead"], "customFields": { "plan": "gold" } } }
        }
        """;

    /// <summary>The standard fields a Roezan webhook contact carries (<c>RoezanContact</c>); its custom fields are named per account.</summary>
    public static readonly IReadOnlyList<string> RoezanContactFields = ["firstName", "lastName", "email", "phone", "tags"];

    public IReadOnlyList<string> AccountIds => [.. options.Value.Accounts.Keys.Order(StringComparer.OrdinalIgnoreCase)];

    public async Task<MappingModel> BuildAsync(string accountId, CancellationToken cancellationToken)
    {
        var current = await configurations.GetAsync(accountId, cancellationToken).ConfigureAwait(false);
        var versions = await configurations.ListVersionsAsync(current.AccountId, cancellationToken).ConfigureAwait(false);
        var flows = FlowPresets.SingleFlows.Select(flow => flow.ToString()).ToList();
        return new MappingModel(
            current.AccountId,
            current.ETag,
            current.Source,
            AccountConfigurationJson.WriteString(current.Configuration),
            RoezanContactFields,
            StandardContactFields.Names,
            [],
            "GHL custom fields: type the field's key (contact.plan) under Connect by keyboard; connect a Roezan custom field to it.",
            flows,
            SampleEvent,
            [.. versions.Select(version => new VersionSummary(version.Version, version.SavedAt, version.SavedBy, version.Note))]);
    }
}
