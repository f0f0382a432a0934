using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>GET /api/ghl/oauth/callback?code=…&amp;state=…</c>: HighLevel's redirect after the install. Stores the
/// location's tokens and shows a short page.
/// </summary>
public sealed class GhlOAuthCallbackFunction
{
    private readonly GhlOAuthInstaller _installer;

    public GhlOAuthCallbackFunction(GhlOAuthInstaller installer) => _installer = installer;

    [Function("GhlOAuthCallback")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ghl/oauth/callback")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await _installer.CompleteAsync(request.Query["code"], request.Query["state"], request.Query["error"], cancellationToken).ConfigureAwait(false);
        return new ContentResult { StatusCode = outcome.StatusCode, ContentType = "text/html; charset=utf-8", Content = outcome.ToHtml() };
    }
}
