using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Storage;

/// <summary>The <c>Sync</c> configuration section: queue and table names and the reconcile schedule.</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>The queue the webhook writes to and the processor reads.</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "Sync:EventsQueue must be a valid queue name (3-63 lower-case letters, digits and single dashes).")]
    public string EventsQueue { get; set; } = "roezan-events";

    /// <summary>Prefix of the Table storage tables (ledger, links, cursors).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,40}$", ErrorMessage = "Sync:TablePrefix must start with a letter and hold only letters and digits.")]
    public string TablePrefix { get; set; } = "RoezanGhl";

    /// <summary>NCRONTAB schedule of the reconciliation timer (six fields, seconds first).</summary>
    [Required(AllowEmptyStrings = false)]
    public string ReconcileSchedule { get; set; } = "0 */15 * * * *";
}
