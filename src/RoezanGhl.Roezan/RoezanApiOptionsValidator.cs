using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Roezan;

/// <summary>Names the bad <c>Roezan:Api</c> setting on start: an https base URL (http only to loopback), a messages path with <c>{contactId}</c>.</summary>
internal sealed class RoezanApiOptionsValidator : IValidateOptions<RoezanApiOptions>
{
    public ValidateOptionsResult Validate(string? name, RoezanApiOptions options)
    {
        List<string>? failures = null;
        if (!HttpsOrLoopbackUrl.IsAllowed(options.BaseUrl))
        {
            (failures ??= []).Add(HttpsOrLoopbackUrl.Requirement("Roezan:Api:BaseUrl", "https://app.roezan.com/api"));
        }

        if (options.MessagesPath?.Contains(RoezanApiClient.ContactIdPlaceholder, StringComparison.Ordinal) != true)
        {
            (failures ??= []).Add($"Roezan:Api:MessagesPath must contain {RoezanApiClient.ContactIdPlaceholder}, e.g. /integrations/contacts/{RoezanApiClient.ContactIdPlaceholder}/messages.");
        }

        if (options.AttemptTimeout <= TimeSpan.Zero || options.AttemptTimeout > TimeSpan.FromMinutes(2))
        {
            (failures ??= []).Add("Roezan:Api:AttemptTimeout must be between 00:00:01 and 00:02:00.");
        }

        if (options.MaxRateLimitWait < TimeSpan.Zero || options.MaxRateLimitWait > TimeSpan.FromMinutes(5))
        {
            (failures ??= []).Add("Roezan:Api:MaxRateLimitWait must be between 00:00:00 and 00:05:00.");
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
