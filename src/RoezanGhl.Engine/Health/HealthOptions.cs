using System.ComponentModel.DataAnnotations;

namespace RoezanGhl.Engine.Health;

/// <summary>The <c>Health</c> section (<c>Health__CacheDuration</c>).</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// How long one run of the health checks answers <c>GET /api/health</c>: the endpoint is anonymous, and each
    /// run lists storage, so a flood of requests costs one run per period. Zero runs the checks every time.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00", ErrorMessage = "Health:CacheDuration must be between 00:00:00 and 00:01:00.")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);
}
