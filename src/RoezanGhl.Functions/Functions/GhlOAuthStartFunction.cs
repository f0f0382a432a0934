using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Credentials.Tokens;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>GET /api/ghl/oauth/start</c>: sends the person installing the app to HighLevel's choose-location page.
/// Function-level: an operator opens it with the function key (<c>?code=…</c>), so strangers cannot start
/// installs that would write tokens into our vault. The callback stays anonymous (HighLevel calls it) and
/// is made safe by the signed, single-use state this function issues.
/// </summary>
public sealed class GhlOAuthStartFunction
{
    private readonly GhlOAuthInstaller _installer;

    public GhlOAuthStartFunction(GhlOAuthInstaller installer) => _installer = installer;

    [Function("GhlOAuthStart")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ghl/oauth/start")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var outcome = await _installer.StartAsync(cancellationToken).ConfigureAwait(false);
        return outcome.RedirectTo is { } target
            ? new RedirectResult(target.AbsoluteUri, permanent: false)
            : new ContentResult { StatusCode = outcome.StatusCode, ContentType = "text/html; charset=utf-8", Content = outcome.ToHtml() };
    }
}
