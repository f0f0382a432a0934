using System.ComponentModel.DataAnnotations;
using RoezanGhl.Core.TwoWay;

namespace RoezanGhl.Engine.Processing.GhlToRoezan;

/// <summary>
/// The <c>Sync:TwoWay</c> section: how changes made in GHL reach Roezan (<c>docs/two-way.md</c>). All optional.
/// </summary>
public sealed class TwoWayOptions
{
    public const string SectionName = "Sync:TwoWay";

    /// <summary>A GHL and a Roezan change to the same field this close together (each by its own clock) are a conflict.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ConflictWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>newest-wins</c> (default), <c>ghl-wins</c> or <c>roezan-wins</c>; an account's <c>TwoWay:ConflictRule</c> overrides it.</summary>
    [RegularExpression("^(newest-wins|ghl-wins|roezan-wins)$", ErrorMessage = "Sync:TwoWay:ConflictRule must be newest-wins, ghl-wins or roezan-wins.")]
    public string ConflictRule { get; set; } = "newest-wins";

    /// <summary>The Roezan tag added to a contact GHL marks do-not-disturb for SMS (Roezan's API cannot opt a contact out).</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(64)]
    public string OptOutTag { get; set; } = "sms-opt-out";

    /// <summary>
    /// What a GHL ContactDelete does: <c>record</c> (default: recorded in the ledger and reported, Roezan untouched) or
    /// <c>tag</c> (the Roezan contact gets <see cref="DeletedTag"/>). Roezan's API as known has no delete.
    /// </summary>
    [RegularExpression("^(record|tag)$", ErrorMessage = "Sync:TwoWay:ContactDelete must be record or tag.")]
    public string ContactDelete { get; set; } = "record";

    [Required(AllowEmptyStrings = false)]
    [MaxLength(64)]
    public string DeletedTag { get; set; } = "ghl-deleted";

    /// <summary>
    /// The Roezan tag put on the contact left under the old number when a phone is changed in GHL (the contact is written
    /// under the new number: Roezan keys contacts by phone). Contacts with it are not synced back to GHL.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(64)]
    public string PhoneMovedTag { get; set; } = "phone-moved-in-ghl";

    public GhlChangeRules Rules() => new()
    {
        ConflictWindow = ConflictWindow,
        OptOutTag = OptOutTag,
        ConflictRule = ConflictRuleNames.TryParse(ConflictRule, out var rule) ? rule : Core.TwoWay.ConflictRule.NewestWins,
    };
}
