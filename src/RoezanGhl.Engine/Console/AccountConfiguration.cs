using RoezanGhl.Core.Accounts;
using RoezanGhl.Core.Mapping;

namespace RoezanGhl.Engine.Console;

/// <summary>
/// What the console edits of one account, and what each saved version holds: the preset, the flow overrides and the
/// field mapping (with its automations). The account's connection settings (GHL location, time zone, region,
/// locale, secrets) stay in the app settings. JSON in camelCase, read as strictly as the mapping file.
/// </summary>
public sealed class AccountConfiguration
{
    /// <summary>contacts-only, contacts-and-history or everything; null means the default preset.</summary>
    public string? Preset { get; set; }

    /// <summary>Per-flow overrides of the preset (flow name → on or off).</summary>
    public Dictionary<string, bool> Flows { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public AccountMapping Mapping { get; set; } = new();

    /// <summary>The account's configuration as the settings (or the mapping file) give it: the seed.</summary>
    public static AccountConfiguration From(RoezanAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new AccountConfiguration
        {
            Preset = account.Preset,
            Flows = new Dictionary<string, bool>(account.Flows, StringComparer.OrdinalIgnoreCase),
            Mapping = account.Mapping ?? new AccountMapping(),
        };
    }

    /// <summary>The account as this configuration makes it: its other settings unchanged.</summary>
    public RoezanAccountOptions ApplyTo(RoezanAccountOptions account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.With(Preset, Flows, Mapping);
    }
}
