using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Credentials.Tests.Tokens;

public sealed class GhlOAuthOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid_so_a_private_integration_deployment_sets_nothing()
    {
        Assert.True(new GhlOAuthOptionsValidator().Validate(null, new GhlOAuthOptions()).Succeeded);
    }

    [Theory]
    [InlineData("RefreshLead", "GhlOAuth:RefreshLead")]
    [InlineData("StateLifetime", "GhlOAuth:StateLifetime")]
    [InlineData("LeaseDuration", "GhlOAuth:LeaseDuration")]
    [InlineData("RedirectUri", "GhlOAuth:RedirectUri")]
    [InlineData("ChooseLocationUrl", "GhlOAuth:ChooseLocationUrl")]
    [InlineData("LeaseContainer", "GhlOAuth:LeaseContainer")]
    [InlineData("Scopes", "GhlOAuth:Scopes")]
    public void A_bad_setting_is_named(string property, string setting)
    {
        var options = new GhlOAuthOptions();
        switch (property)
        {
            case "RefreshLead": options.RefreshLead = TimeSpan.FromDays(1); break;
            case "StateLifetime": options.StateLifetime = TimeSpan.Zero; break;
            case "LeaseDuration": options.LeaseDuration = TimeSpan.FromMinutes(2); break;
            case "RedirectUri": options.RedirectUri = "/api/ghl/oauth/callback"; break;
            case "ChooseLocationUrl": options.ChooseLocationUrl = "chooselocation"; break;
            case "LeaseContainer": options.LeaseContainer = "Bad_Container"; break;
            case "Scopes": options.Scopes = " "; break;
        }

        var result = new GhlOAuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }
}
