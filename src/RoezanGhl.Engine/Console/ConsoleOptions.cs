using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Console;

/// <summary>The <c>Console</c> settings: who may open it, how long a session lasts, how soon a saved configuration is in force.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>The secret (secret store, or <c>Secrets__console-key</c> locally) that <see cref="ConsoleAccessMode.Key"/> signs in with.</summary>
    public const string KeySecretName = "console-key";

    /// <summary>Disabled, Key (local: the console key for a session cookie) or EntraId (Azure: built-in authentication).</summary>
    public ConsoleAccessMode Access { get; set; } = ConsoleAccessMode.Disabled;

    /// <summary>How long a session cookie (Key access) is valid after sign-in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Console:SessionLifetime must be between 5 minutes and 7 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long an instance plans with the configuration version it read before it checks for a newer one: the most
    /// a save from the console takes to be in force on another instance (the instance that saved uses it at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00", ErrorMessage = "Console:ConfigurationRefresh must be between 1 second and 10 minutes.")]
    public TimeSpan ConfigurationRefresh { get; set; } = TimeSpan.FromSeconds(15);
}
