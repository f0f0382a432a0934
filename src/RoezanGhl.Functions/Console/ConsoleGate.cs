using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Engine.Console;

namespace RoezanGhl.Functions.Console;

/// <summary>
/// Who may use the console and the headers every console answer carries. <c>Console:Access</c> decides: Disabled (404
/// for everything), Key (a session cookie signed with the console key, <see cref="ConsoleSessionTokens"/>) or EntraId
/// (App Service built-in authentication in front of the app; the platform sets <c>X-MS-CLIENT-PRINCIPAL-NAME</c> and
/// strips copies a client sends, and a request without one is refused as defence in depth). State-changing calls must
/// also pass <see cref="CsrfIsValid"/>: the double-submit token (an HttpOnly SameSite=Strict cookie whose value the
/// page carries in a meta tag and the script sends back as <see cref="CsrfHeader"/>).
/// </summary>
public sealed class ConsoleGate(IOptions<ConsoleOptions> options, ISecretStore secrets, ConsoleSessionTokens sessions)
{
    public const string SessionCookie = "roezan-console-session";
    public const string CsrfCookie = "roezan-console-csrf";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string CookiePath = "/api/console";

    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public ConsoleAccessMode Mode => options.Value.Access;

    public async Task<ConsoleAccess> CheckAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (options.Value.Access)
        {
            case ConsoleAccessMode.EntraId:
                return request.Headers[PrincipalHeader].ToString() is { Length: > 0 } principal ? new ConsoleAccess(ConsoleAccessOutcome.Allowed, principal) : ConsoleAccess.NotFound;
            case ConsoleAccessMode.Key:
                var key = await ConsoleKeyAsync(cancellationToken).ConfigureAwait(false);
                return key is not null && sessions.IsValid(key, request.Cookies[SessionCookie]) ? new ConsoleAccess(ConsoleAccessOutcome.Allowed, "console key") : ConsoleAccess.SignIn;
            default:
                return ConsoleAccess.NotFound;
        }
    }

    /// <summary>The console key from the secret store; null when none is stored (Key access then lets nobody in).</summary>
    public async Task<string?> ConsoleKeyAsync(CancellationToken cancellationToken) =>
        await secrets.GetSecretAsync(ConsoleOptions.KeySecretName, bypassCache: false, cancellationToken).ConfigureAwait(false) is { Length: >= 16 } key ? key : null;

    /// <summary>Exchanges the console key for a session cookie; false (and no cookie) when the key is wrong.</summary>
    public async Task<bool> SignInAsync(HttpContext context, string? given, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = await ConsoleKeyAsync(cancellationToken).ConfigureAwait(false);
        if (options.Value.Access != ConsoleAccessMode.Key || key is null || !ConsoleSessionTokens.KeyMatches(key, given))
        {
            return false;
        }

        context.Response.Cookies.Append(SessionCookie, sessions.Issue(key, options.Value.SessionLifetime), Cookie(context, options.Value.SessionLifetime));
        return true;
    }

    public static void SignOut(HttpContext context) =>
        (context ?? throw new ArgumentNullException(nameof(context))).Response.Cookies.Delete(SessionCookie, Cookie(context, null));

    /// <summary>The page's CSRF token: the cookie's value, or a new one set now.</summary>
    public static string CsrfToken(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Request.Cookies[CsrfCookie] is { Length: 64 } existing)
        {
            return existing;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        context.Response.Cookies.Append(CsrfCookie, token, Cookie(context, null));
        return token;
    }

    /// <summary>Whether a state-changing request carries the same CSRF token in its header as in its cookie.</summary>
    public static bool CsrfIsValid(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cookie = request.Cookies[CsrfCookie];
        var header = request.Headers[CsrfHeader].ToString();
        return cookie is { Length: 64 } && header.Length == cookie.Length
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(header));
    }

    /// <summary>Every console answer: a strict CSP, no framing, no sniffing, and (pages and APIs) nothing kept by the browser.</summary>
    public static void SecureHeaders(HttpResponse response, bool cacheable = false)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = cacheable ? "public, max-age=3600" : "no-store";
    }

    /// <summary>
    /// Runs <paramref name="work"/> (given who is calling) when the caller may: 404 while the console is disabled, the
    /// sign-in page (pages) or 401 (everything else) without a session, 403 for a state-changing call without the
    /// CSRF token.
    /// </summary>
    public async Task<IActionResult> RunAsync(HttpRequest request, ConsoleCall call, Func<string, Task<IActionResult>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(work);
        var access = await CheckAsync(request, cancellationToken).ConfigureAwait(false);
        if (!access.Allowed)
        {
            SecureHeaders(request.HttpContext.Response);
            return access.Outcome == ConsoleAccessOutcome.NotFound ? new NotFoundResult()
                : call == ConsoleCall.Page ? new RedirectResult(CookiePath + "/signin")
                : new UnauthorizedResult();
        }

        if (call == ConsoleCall.Change && !CsrfIsValid(request))
        {
            return ConsoleJson.Error(request.HttpContext.Response, StatusCodes.Status403Forbidden, "The request has no valid CSRF token: reload the page and try again.");
        }

        return await work(access.Actor!).ConfigureAwait(false);
    }

    private static CookieOptions Cookie(HttpContext context, TimeSpan? lifetime) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = CookiePath,
        MaxAge = lifetime,
    };
}
