using System.Net;
using System.Text;

namespace RoezanGhl.Functions.Tests.OAuth;

/// <summary>Answers the install's code exchange at <c>/oauth/token</c> for one known code, as GHL would (obviously fake tokens).</summary>
internal sealed class CodeExchangeEndpoint : HttpMessageHandler
{
    public const string Code = "test-code-1";
    public const string LocationId = "loc-installed-1";

    public int Calls { get; private set; }

    public string? LastForm { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Calls++;
        LastForm = await request.Content!.ReadAsStringAsync(cancellationToken);
        var ok = request.RequestUri!.AbsolutePath == "/oauth/token" && LastForm.Contains($"code={Code}", StringComparison.Ordinal);
        var body = ok
            ? $$"""{"access_token":"test-access-installed","token_type":"Bearer","expires_in":86399,"refresh_token":"test-refresh-installed","userType":"Location","locationId":"{{LocationId}}","companyId":"company-test-1","userId":"user-test-1"}"""
            : """{"error":"invalid_grant","error_description":"Invalid authorization code"}""";
        return new HttpResponseMessage(ok ? HttpStatusCode.OK : HttpStatusCode.BadRequest) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }
}
