using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;

namespace RoezanGhl.Functions.Functions;

/// <summary>
/// <c>/api/console/signin</c> (Key access, local runs): the console key, typed once, is exchanged for a signed,
/// HttpOnly, SameSite=Strict session cookie (<see cref="ConsoleGate.SignInAsync"/>). With any other access mode the
/// page answers 404 (Entra ID signs people in before the request reaches the app).
/// </summary>
public sealed class ConsoleSignInFunction(ConsoleGate gate)
{
    private const string Form = "<form method=\"post\" action=\"signin\"><p><label for=\"key\">Console key</label> <input id=\"key\" name=\"key\" type=\"password\" autocomplete=\"current-password\" required></p><p><button type=\"submit\">Sign in</button></p></form>";

    [Function("ConsoleSignIn")]
    public async Task<IActionResult> RunAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "console/signin")] HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (gate.Mode != ConsoleAccessMode.Key)
        {
            return new NotFoundResult();
        }

        var message = string.Empty;
        if (HttpMethods.IsPost(request.Method))
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(cancellationToken).ConfigureAwait(false) : null;
            if (await gate.SignInAsync(request.HttpContext, form?["key"].ToString(), cancellationToken).ConfigureAwait(false))
            {
                ConsoleGate.SecureHeaders(request.HttpContext.Response);
                return new RedirectResult(ConsoleGate.CookiePath + "/accounts");
            }

            message = "<p class=\"problem\" role=\"alert\">That is not the console key.</p>";
        }

        return ConsoleHtml.Page(request.HttpContext, string.Empty, "Sign in", message + Form);
    }
}
