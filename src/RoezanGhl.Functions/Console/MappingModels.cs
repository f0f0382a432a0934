using Microsoft.Extensions.Options;
using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Engine.Caching;
using RoezanGhl.Engine.Console;
using RoezanGhl.Engine.Operations;

namespace RoezanGhl.Functions.Console;

/// <summary>Builds the mapping editor's model for an account from the configuration in force and its versions.</summary>
public sealed class MappingModels(AccountConfigurations configurations, IOptions<RoezanOptions> options, LocationCustomFieldsCache customFields)
{
    /// <summary>How long the editor waits for GHL's list of the location's custom fields before it opens without them.</summary>
    public static readonly TimeSpan CustomFieldsWait = TimeSpan.FromSeconds(5);

    /// <summary>A contact.created a person can preview with (fictional: 555-01xx phone, example.com email).</summary>
    public const string SampleEvent = """
        {
          "id": "evt_console_sample",
          "type": "contact.created",
          "occurredAt": "2026-11-24T09:00:00Z",
          "data": { "contact": { "id": "c_sample", "firstName": "Sam", "lastName": "Sample", "phone": "(201) 555-0142",
            "email": "sam.sample@example.com", "tags": ["lead"], "customFields": { "plan": "gold" } } }
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
        var (custom, customSource) = await CustomFieldsAsync(current.LocationId, current.Version, cancellationToken).ConfigureAwait(false);
        return new MappingModel(
            current.AccountId,
            current.ETag,
            current.Source,
            AccountConfigurationJson.WriteString(current.Configuration),
            RoezanContactFields,
            StandardContactFields.Names,
            custom,
            customSource,
            flows,
            SampleEvent,
            [.. versions.Select(version => new VersionSummary(version.Version, version.SavedAt, version.SavedBy, version.Note))]);
    }

    /// <summary>
    /// The location's contact custom fields from GHL, or as read within <see cref="LocationCustomFieldsCache.TimeToLive"/>
    /// for the same configuration version (saving a mapping reads them again); none (and why) when GHL does not answer in time.
    /// </summary>
    private async Task<(IReadOnlyList<GhlCustomFieldChoice> Fields, string Source)> CustomFieldsAsync(string locationId, int configurationVersion, CancellationToken cancellationToken)
    {
        const string Typed = "type a field's key (contact.plan) under Connect by keyboard";
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(CustomFieldsWait);
        try
        {
            var (fields, fromCache) = await customFields.GetAsync(locationId, configurationVersion, wait.Token).ConfigureAwait(false);
            var when = fromCache ? $"within the last {LocationCustomFieldsCache.TimeToLive.TotalMinutes:0} minutes" : "just now";
            return ([.. fields.Select(field => new GhlCustomFieldChoice(field.Id, field.FieldKey, field.Name ?? field.FieldKey ?? field.Id))],
                $"GHL custom fields: {fields.Count} read from location {locationId} {when}; or {Typed}.");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested && exception is not OutOfMemoryException)
        {
            return ([], $"GHL custom fields could not be read ({OperatorMessages.Describe(exception)}); {Typed}.");
        }
    }
}
