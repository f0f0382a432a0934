using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Configuration;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>Checks the <c>GhlOAuth</c> section at start and names each bad setting.</summary>
internal sealed class GhlOAuthOptionsValidator : IValidateOptions<GhlOAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, GhlOAuthOptions options)
    {
        var failures = new List<string>();
        if (!HttpsOrLoopbackUrl.IsAllowed(options.ChooseLocationUrl))
        {
            failures.Add(HttpsOrLoopbackUrl.Requirement("GhlOAuth:ChooseLocationUrl", GhlOAuthOptions.DefaultChooseLocationUrl));
        }

        if (!string.IsNullOrWhiteSpace(options.RedirectUri) && !HttpsOrLoopbackUrl.IsAllowed(options.RedirectUri))
        {
            failures.Add(HttpsOrLoopbackUrl.Requirement("GhlOAuth:RedirectUri", "https://my-func.azurewebsites.net/api/ghl/oauth/callback") + " Leave it empty when OAuth install is not used.");
        }

        if (string.IsNullOrWhiteSpace(options.Scopes))
        {
            failures.Add("GhlOAuth:Scopes must name at least one scope, e.g. \"contacts.readonly contacts.write\".");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenUrl) && !HttpsOrLoopbackUrl.IsAllowed(options.TokenUrl))
        {
            failures.Add(HttpsOrLoopbackUrl.Requirement("GhlOAuth:TokenUrl", "https://services.leadconnectorhq.com/oauth/token") + " When it is empty, Ghl:BaseUrl/oauth/token is used.");
        }

        Require(failures, options.RefreshLead, TimeSpan.FromMinutes(1), TimeSpan.FromHours(12), "GhlOAuth:RefreshLead");
        Require(failures, options.StateLifetime, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), "GhlOAuth:StateLifetime");
        Require(failures, options.LeaseDuration, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), "GhlOAuth:LeaseDuration");
        Require(failures, options.LeaseWaitTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10), "GhlOAuth:LeaseWaitTimeout");
        Require(failures, options.LeasePollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30), "GhlOAuth:LeasePollInterval");
        Require(failures, options.TokenRequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5), "GhlOAuth:TokenRequestTimeout");
        Require(failures, options.StoreRetryWindow, TimeSpan.Zero, TimeSpan.FromMinutes(10), "GhlOAuth:StoreRetryWindow");

        if (!BlobContainerName.IsValid(options.LeaseContainer))
        {
            failures.Add("GhlOAuth:LeaseContainer must be a valid blob container name (3-63 lower-case letters, digits and single dashes).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string setting)
    {
        if (value < min || value > max)
        {
            failures.Add($"{setting} must be between {min:c} and {max:c}.");
        }
    }
}
