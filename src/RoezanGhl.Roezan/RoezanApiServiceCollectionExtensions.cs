using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Roezan;

public static class RoezanApiServiceCollectionExtensions
{
    /// <summary>
    /// The Roezan integration API client (<see cref="RoezanApiClient"/>) with its retries and timeouts, and the
    /// <c>Roezan:Api</c> settings validated on start. Needs the secret store (the API keys) registered elsewhere.
    /// </summary>
    public static IServiceCollection AddRoezanApiClient(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RoezanApiOptions>().BindConfiguration(RoezanApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoezanApiOptions>, RoezanApiOptionsValidator>());

        services.AddHttpClient<RoezanApiClient>()
            .RemoveAllLoggers()
            .AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var api = provider.GetRequiredService<IOptions<RoezanApiOptions>>().Value;
                resilience.AttemptTimeout.Timeout = api.AttemptTimeout;
                resilience.Retry.MaxRetryAttempts = Math.Max(1, api.MaxRetries);
                resilience.Retry.Delay = api.RetryBaseDelay;
                RoezanApiRetries.NeverRepeatSends(resilience.Retry);
                var waitsBudget = api.RetryBaseDelay * 8;
                resilience.TotalRequestTimeout.Timeout = (api.AttemptTimeout * (api.MaxRetries + 1)) + waitsBudget;

                // Each wait between tries fits its share of the budget, so a 429's Retry-After never runs into the total
                // timeout (a timeout says nothing of what Roezan wanted); a longer one goes back to the caller as a 429.
                var longestWait = waitsBudget / Math.Max(1, api.MaxRetries);
                RoezanApiRetries.NeverWaitOutLongRateLimits(resilience.Retry, longestWait < api.MaxRateLimitWait ? longestWait : api.MaxRateLimitWait);
                resilience.CircuitBreaker.SamplingDuration = api.AttemptTimeout * 3;
            });
        return services;
    }
}
