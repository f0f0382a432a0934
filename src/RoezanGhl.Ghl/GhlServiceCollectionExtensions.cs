using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.Http;
using RoezanGhl.Ghl.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="GhlContactsClient"/> with its options, limiter and HTTP pipeline.</summary>
public static class GhlServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GhlContactsClient"/> bound to the <c>Ghl</c> section. An
    /// <see cref="Auth.IGhlTokenProvider"/> must be registered too (the token store does).
    /// The HTTP pipeline, outermost first: total timeout + retries + circuit breaker (per location),
    /// bearer token with one repeat after 401, the location's rate-limit permit, the attempt timeout.
    /// </summary>
    public static IServiceCollection AddGhlContactsClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GhlOptions>()
            .Bind(configuration.GetSection(GhlOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GhlOptions>, GhlOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<GhlRateLimiter>();
        services.TryAddSingleton<GhlMetrics>();
        services.TryAddTransient<GhlAuthenticationHandler>();
        services.TryAddTransient<GhlRateLimitHandler>();

        var client = services.AddHttpClient<GhlContactsClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The factory's own logging writes full URLs (phone numbers and emails in queries);
            // the client logs the path template instead.
            .RemoveAllLoggers();
        client.AddResilienceHandler("ghl", static (builder, context) =>
            {
                var services = context.ServiceProvider;
                GhlResiliencePipeline.ConfigureOuter(
                    builder,
                    services.GetRequiredService<IOptions<GhlOptions>>().Value,
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILoggerFactory>().CreateLogger<GhlContactsClient>());
            })
            // The factory probes the selector with a bare request when it builds the handler.
            .SelectPipelineBy(static _ => static request =>
                request.Options.TryGetValue(GhlRequestContext.Key, out var ghl) ? ghl.LocationId : "(no location)");
        client.AddHttpMessageHandler<GhlAuthenticationHandler>();
        client.AddHttpMessageHandler<GhlRateLimitHandler>();
        client.AddResilienceHandler("ghl-attempt", static (builder, context) =>
            GhlResiliencePipeline.ConfigureAttempt(builder, context.ServiceProvider.GetRequiredService<IOptions<GhlOptions>>().Value));
        return services;
    }
}
