using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RoezanGhl.Engine.Console;
using RoezanGhl.Functions.Console;
using RoezanGhl.TestSupport;

namespace RoezanGhl.Functions.Tests.Console;

public sealed class ConsoleGateTests
{
    private const string Key = "console-key-for-tests-0001";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemorySecretStore _secrets = new();

    private ConsoleGate Gate(ConsoleAccessMode mode) =>
        new(Options.Create(new ConsoleOptions { Access = mode, SessionLifetime = TimeSpan.FromHours(1) }), _secrets, new ConsoleSessionTokens(_time));

    private static HttpRequest Request(string? cookie = null, string? csrfCookie = null, string? csrfHeader = null, string? principal = null)
    {
        var context = new DefaultHttpContext();
        var cookies = new List<string>();
        if (cookie is not null)
        {
            cookies.Add($"{ConsoleGate.SessionCookie}={cookie}");
        }

        if (csrfCookie is not null)
        {
            cookies.Add($"{ConsoleGate.CsrfCookie}={csrfCookie}");
        }

        if (cookies.Count > 0)
        {
            context.Request.Headers.Cookie = string.Join("; ", cookies);
        }

        if (csrfHeader is not null)
        {
            context.Request.Headers[ConsoleGate.CsrfHeader] = csrfHeader;
        }

        if (principal is not null)
        {
            context.Request.Headers[ConsoleGate.PrincipalHeader] = principal;
        }

        return context.Request;
    }

    private static string SessionCookieOf(HttpContext context)
    {
        var header = context.Response.Headers.SetCookie.Single(value => value!.StartsWith(ConsoleGate.SessionCookie + "=", StringComparison.Ordinal))!;
        Assert.Contains("httponly", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", header, StringComparison.OrdinalIgnoreCase);
        return header[(ConsoleGate.SessionCookie.Length + 1)..header.IndexOf(';', StringComparison.Ordinal)];
    }

    [Fact]
    public async Task A_disabled_console_is_not_found_for_anyone()
    {
        _secrets.Put(ConsoleOptions.KeySecretName, Key);

        var access = await Gate(ConsoleAccessMode.Disabled).CheckAsync(Request(principal: "ann@example.com"), CancellationToken.None);

        Assert.Equal(ConsoleAccessOutcome.NotFound, access.Outcome);
    }

    [Fact]
    public async Task The_right_key_is_exchanged_once_for_a_session_cookie_that_lets_the_holder_in_until_it_expires()
    {
        _secrets.Put(ConsoleOptions.KeySecretName, Key);
        var gate = Gate(ConsoleAccessMode.Key);
        var signIn = new DefaultHttpContext();

        Assert.False(await gate.SignInAsync(new DefaultHttpContext(), "not-the-key", CancellationToken.None));
        Assert.True(await gate.SignInAsync(signIn, Key, CancellationToken.None));
        var cookie = SessionCookieOf(signIn);

        Assert.Equal(ConsoleAccessOutcome.SignIn, (await gate.CheckAsync(Request(), CancellationToken.None)).Outcome);
        Assert.Equal(ConsoleAccessOutcome.Allowed, (await gate.CheckAsync(Request(cookie), CancellationToken.None)).Outcome);
        Assert.Equal(ConsoleAccessOutcome.SignIn, (await gate.CheckAsync(Request(cookie[..^1] + (cookie[^1] == '0' ? '1' : '0')), CancellationToken.None)).Outcome);
        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ConsoleAccessOutcome.SignIn, (await gate.CheckAsync(Request(cookie), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Rotating_the_console_key_ends_every_session()
    {
        _secrets.Put(ConsoleOptions.KeySecretName, Key);
        var gate = Gate(ConsoleAccessMode.Key);
        var signIn = new DefaultHttpContext();
        Assert.True(await gate.SignInAsync(signIn, Key, CancellationToken.None));

        _secrets.Put(ConsoleOptions.KeySecretName, "another-console-key-0002");

        Assert.Equal(ConsoleAccessOutcome.SignIn, (await gate.CheckAsync(Request(SessionCookieOf(signIn)), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task Without_a_stored_console_key_nobody_signs_in()
    {
        Assert.False(await Gate(ConsoleAccessMode.Key).SignInAsync(new DefaultHttpContext(), string.Empty, CancellationToken.None));
    }

    [Fact]
    public async Task Entra_id_access_needs_the_principal_the_platform_sets()
    {
        var gate = Gate(ConsoleAccessMode.EntraId);

        Assert.Equal(ConsoleAccessOutcome.NotFound, (await gate.CheckAsync(Request(), CancellationToken.None)).Outcome);
        Assert.Equal(new ConsoleAccess(ConsoleAccessOutcome.Allowed, "ann@example.com"), await gate.CheckAsync(Request(principal: "ann@example.com"), CancellationToken.None));
    }

    [Fact]
    public async Task A_state_changing_call_without_the_matching_csrf_token_is_refused_and_not_run()
    {
        var gate = Gate(ConsoleAccessMode.EntraId);
        var token = new string('a', 64);
        var ran = 0;
        Task<IActionResult> Work(string actor)
        {
            ran++;
            return Task.FromResult<IActionResult>(new OkResult());
        }

        var missing = await gate.RunAsync(Request(csrfCookie: token, principal: "ann@example.com"), ConsoleCall.Change, Work, CancellationToken.None);
        var wrong = await gate.RunAsync(Request(csrfCookie: token, csrfHeader: new string('b', 64), principal: "ann@example.com"), ConsoleCall.Change, Work, CancellationToken.None);
        var right = await gate.RunAsync(Request(csrfCookie: token, csrfHeader: token, principal: "ann@example.com"), ConsoleCall.Change, Work, CancellationToken.None);
        var read = await gate.RunAsync(Request(principal: "ann@example.com"), ConsoleCall.Read, Work, CancellationToken.None);

        Assert.Equal(403, Assert.IsType<ContentResult>(missing).StatusCode);
        Assert.Equal(403, Assert.IsType<ContentResult>(wrong).StatusCode);
        Assert.IsType<OkResult>(right);
        Assert.IsType<OkResult>(read);
        Assert.Equal(2, ran);
    }

    [Fact]
    public async Task Without_a_session_a_page_goes_to_sign_in_and_an_api_call_gets_401()
    {
        _secrets.Put(ConsoleOptions.KeySecretName, Key);
        var gate = Gate(ConsoleAccessMode.Key);

        var page = await gate.RunAsync(Request(), ConsoleCall.Page, _ => throw new InvalidOperationException("must not run"), CancellationToken.None);
        var api = await gate.RunAsync(Request(), ConsoleCall.Change, _ => throw new InvalidOperationException("must not run"), CancellationToken.None);

        Assert.Equal("/api/console/signin", Assert.IsType<RedirectResult>(page).Url);
        Assert.IsType<UnauthorizedResult>(api);
    }
}
