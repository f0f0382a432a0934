using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>Checks the <c>GhlOAuth</c> section at start and names each bad setting.</summary>
internal sealed class GhlOAuthOptionsValidator : IValidateOptions<GhlOAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, GhlOAuthOptions options)
    {
        var failures = new List<string>();
        if (!IsWebUrl(options.ChooseLocationUrl))
        {
            failures.Add("GhlOAuth:ChooseLocationUrl must be an absolute http(s) URL.");
        }

        if (!string.IsNullOrWhiteSpace(options.RedirectUri) && !IsWebUrl(options.RedirectUri))
        {
            failures.Add("GhlOAuth:RedirectUri must be an absolute http(s) URL (this app's /api/ghl/oauth/callback), or empty when OAuth install is not used.");
        }

        if (string.IsNullOrWhiteSpace(options.Scopes))
        {
            failures.Add("GhlOAuth:Scopes must name at least one scope, e.g. \"contacts.readonly contacts.write\".");
        }

        if (!string.IsNullOrWhiteSpace(options.TokenUrl) && !IsWebUrl(options.TokenUrl))
        {
            failures.Add("GhlOAuth:TokenUrl (or Ghl:BaseUrl) must be an absolute http(s) URL.");
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

    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void Require(List<string> failures, TimeSpan value, TimeSpan min, TimeSpan max, string setting)
    {
        if (value < min || value > max)
        {
            failures.Add($"{setting} must be between {min:c} and {max:c}.");
        }
    }
}
