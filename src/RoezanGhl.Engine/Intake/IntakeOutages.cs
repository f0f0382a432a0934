using Azure;
using Azure.Identity;

namespace RoezanGhl.Engine.Intake;

/// <summary>Tells an outage of storage or Key Vault, which a webhook answers with 503, from a bug.</summary>
internal static class IntakeOutages
{
    /// <summary>
    /// What storage and Key Vault throw when they cannot be reached: a failed response, the SDK's AggregateException
    /// after its retries, a failed sign-in of the managed identity, a transport error, or a timeout (a cancellation
    /// nobody asked for). These answer 503 so that the sender retries; anything else is a bug and escapes to a 500,
    /// which does not invite endless retries.
    /// </summary>
    public static bool IsOutage(Exception ex, CancellationToken cancellationToken) =>
        ex is RequestFailedException or AggregateException or AuthenticationFailedException or IOException or HttpRequestException or TimeoutException ||
        (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
