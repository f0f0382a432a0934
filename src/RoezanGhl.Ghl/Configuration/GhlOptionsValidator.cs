using Microsoft.Extensions.Options;

namespace RoezanGhl.Ghl.Configuration;

/// <summary>Checks what data annotations cannot say about <see cref="GhlOptions"/>, naming the setting.</summary>
internal sealed class GhlOptionsValidator : IValidateOptions<GhlOptions>
{
    public ValidateOptionsResult Validate(string? name, GhlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!HttpsOrLoopbackUrl.IsAllowed(options.BaseUrl))
        {
            failures.Add(HttpsOrLoopbackUrl.Requirement("Ghl:BaseUrl", "https://services.leadconnectorhq.com"));
        }

        Positive(options.RateLimitInterval, "Ghl:RateLimitInterval", failures);
        if (options.RateLimitSafetyMargin < TimeSpan.Zero)
        {
            failures.Add("Ghl:RateLimitSafetyMargin must not be negative.");
        }

        Positive(options.RateLimitMaxWait, "Ghl:RateLimitMaxWait", failures);
        Positive(options.AttemptTimeout, "Ghl:AttemptTimeout", failures);
        Positive(options.TotalTimeout, "Ghl:TotalTimeout", failures);
        Positive(options.RetryBaseDelay, "Ghl:RetryBaseDelay", failures);
        Positive(options.CircuitBreakerSamplingDuration, "Ghl:CircuitBreakerSamplingDuration", failures);
        Positive(options.CircuitBreakerBreakDuration, "Ghl:CircuitBreakerBreakDuration", failures);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add("Ghl:AttemptTimeout must not exceed Ghl:TotalTimeout.");
        }

        if (options.DailyReserve >= options.DailyLimit)
        {
            failures.Add("Ghl:DailyReserve must be smaller than Ghl:DailyLimit.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(TimeSpan value, string setting, List<string> failures)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"{setting} must be a positive duration (hh:mm:ss), got '{value}'.");
        }
    }
}
