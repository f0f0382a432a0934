using System.ComponentModel.DataAnnotations;
using RoezanGhl.Core.Mapping;
using RoezanGhl.Core.Planning;

namespace RoezanGhl.Core.Accounts;

/// <summary>
/// One Roezan account: its webhook URL is <c>/api/roezan/{accountId}/events</c>, its secret is
/// <c>SecretNames.RoezanWebhookSecret</c>, and its events go to one GHL location.
/// Bound from <c>Roezan:Accounts:{accountId}</c> (<c>Roezan__Accounts__{accountId}__GhlLocationId</c>).
/// </summary>
public sealed class RoezanAccountOptions
{
    /// <summary>The GHL location (sub-account) that this Roezan account feeds.</summary>
    [Required(AllowEmptyStrings = false)]
    public string GhlLocationId { get; set; } = string.Empty;

    /// <summary>ISO 3166 region used to read phone numbers written without a country code.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Z]{2}$", ErrorMessage = "DefaultPhoneRegion must be a two-letter ISO 3166 region such as US or GB.")]
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>IANA (or Windows) time zone id used to resolve due dates ("tomorrow at 3").</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "America/New_York";

    /// <summary>
    /// The culture (BCP 47, e.g. en-US, en-GB, es-MX) in which SMS automation templates format dates and times
    /// (<c>{{ appointment.startTime | date }}</c>). An unknown culture stops the app at start.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string Locale { get; set; } = AccountLocales.Default;

    /// <summary>
    /// Which flows run: contacts-only, contacts-and-history or everything (<see cref="FlowPresets"/>).
    /// Unset means <see cref="FlowPresets.Default"/>. An unknown name stops the app at start.
    /// </summary>
    public string? Preset { get; set; }

    /// <summary>Per-flow overrides of the preset, by <see cref="Planning.SyncFlows"/> member name: <c>Flows:FollowUpTasks = false</c>.</summary>
    public Dictionary<string, bool> Flows { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Where inbound messages go: <c>note</c> (unset: a note on the contact), <c>conversation</c> (an inbound SMS in the
    /// contact's GHL conversation) or <c>both</c>. The conversation needs <see cref="GhlConversationProviderId"/> and a
    /// marketplace OAuth install (GHL refuses conversation providers to Private Integration tokens).
    /// </summary>
    public string? InboundMessages { get; set; }

    /// <summary>The location's conversation provider id (the marketplace app's SMS provider), for <see cref="InboundMessages"/> <c>conversation</c>/<c>both</c>.</summary>
    public string? GhlConversationProviderId { get; set; }

    /// <summary>The field mapping; unset means the mapping file's entry for this account, else the defaults.</summary>
    public AccountMapping? Mapping { get; set; }

    /// <summary>Two-way settings of this account (<c>TwoWay:ConflictRule</c>); unset follows <c>Sync:TwoWay</c>.</summary>
    public AccountTwoWayOptions? TwoWay { get; set; }

    /// <summary>
    /// A copy of this account (every setting, including ones added later) with another preset, flow overrides and
    /// mapping: the account as a configuration saved from the console makes it.
    /// </summary>
    public RoezanAccountOptions With(string? preset, IReadOnlyDictionary<string, bool>? flows, AccountMapping? mapping)
    {
        var copy = (RoezanAccountOptions)MemberwiseClone();
        copy.Preset = preset;
        copy.Flows = new Dictionary<string, bool>(flows ?? new Dictionary<string, bool>(), StringComparer.OrdinalIgnoreCase);
        copy.Mapping = mapping;
        return copy;
    }
}
