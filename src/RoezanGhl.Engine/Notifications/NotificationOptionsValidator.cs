using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Engine.Notifications;

/// <summary>Failure notices name events and locations, so the webhook they go to is https (http only to loopback).</summary>
internal sealed class NotificationOptionsValidator : IValidateOptions<NotificationOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.WebhookUrl is null || HttpsOrLoopbackUrl.IsAllowed(options.WebhookUrl)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(HttpsOrLoopbackUrl.Requirement("Notifications:WebhookUrl", "https://hooks.example.com/notify") + " Leave it empty to send no notifications.");
    }
}
