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
                resilience.TotalRequestTimeout.Timeout = (api.AttemptTimeout * (api.MaxRetries + 1)) + (api.RetryBaseDelay * 8);
                resilience.CircuitBreaker.SamplingDuration = api.AttemptTimeout * 3;
            });
        return services;
    }
}
