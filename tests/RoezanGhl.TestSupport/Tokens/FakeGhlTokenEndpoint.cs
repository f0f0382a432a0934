using System.Net;
using System.Text;

namespace RoezanGhl.TestSupport.Tokens;

/// <summary>
/// Stands in for <c>POST /oauth/token</c>. Like GHL it treats refresh tokens as single-use: a spent or unknown
/// one gets <c>invalid_grant</c>. Issued values are obviously fake (<c>test-access-N</c>).
/// </summary>
public sealed class FakeGhlTokenEndpoint : HttpMessageHandler
{
    public const string ClientId = "test-client-id";
    public const string ClientSecret = "test-client-secret-1";

    private readonly HashSet<string> _liveRefreshTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _liveCodes = new(StringComparer.Ordinal);
    private readonly List<IReadOnlyDictionary<string, string>> _requests = [];
    private readonly Lock _gate = new();
    private int _issued;

    public string LocationId { get; set; } = "loc-test-1";

    public string UserType { get; set; } = "Location";

    public int ExpiresInSeconds { get; set; } = 86399;

    /// <summary>Time each answer takes (real time), to widen races between callers.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>When set, answers every request with this status and body instead of issuing tokens.</summary>
    public (HttpStatusCode Status, string Body)? ForcedAnswer { get; set; }

    public int Calls
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<IReadOnlyDictionary<string, string>> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public List<string> ContentTypes { get; } = [];

    public List<Uri> Urls { get; } = [];

    /// <summary>Makes <paramref name="refreshToken"/> one the endpoint accepts (once).</summary>
    public void Accept(string refreshToken)
    {
        lock (_gate)
        {
            _liveRefreshTokens.Add(refreshToken);
        }
    }

    public void AcceptCode(string code)
    {
        lock (_gate)
        {
            _liveCodes.Add(code);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => p.Length > 1 ? WebUtility.UrlDecode(p[1]) : string.Empty, StringComparer.Ordinal);
        lock (_gate)
        {
            _requests.Add(form);
            ContentTypes.Add(request.Content?.Headers.ContentType?.MediaType ?? string.Empty);
            Urls.Add(request.RequestUri!);
        }

        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        if (ForcedAnswer is { } forced)
        {
            return Json(forced.Status, forced.Body);
        }

        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return Json(HttpStatusCode.Unauthorized, """{"statusCode":401,"message":"Invalid client credentials","error":"Unauthorized"}""");
        }

        var grant = form.GetValueOrDefault("grant_type");
        lock (_gate)
        {
            var accepted = grant switch
            {
                "refresh_token" => _liveRefreshTokens.Remove(form.GetValueOrDefault("refresh_token") ?? string.Empty),
                "authorization_code" => _liveCodes.Remove(form.GetValueOrDefault("code") ?? string.Empty),
                _ => false,
            };
            if (!accepted)
            {
                return Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant","error_description":"Invalid grant: refresh token is invalid"}""");
            }

            var n = ++_issued;
            var refresh = $"test-refresh-{n}";
            _liveRefreshTokens.Add(refresh);
            return Json(HttpStatusCode.OK, $$"""
                {"access_token":"test-access-{{n}}","token_type":"Bearer","expires_in":{{ExpiresInSeconds}},"refresh_token":"{{refresh}}",
                 "scope":"contacts.readonly contacts.write","userType":"{{UserType}}","locationId":"{{LocationId}}","companyId":"company-test-1","userId":"user-test-1"}
                """);
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
