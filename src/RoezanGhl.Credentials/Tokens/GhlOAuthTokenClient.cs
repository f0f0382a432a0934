using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// <c>POST /oauth/token</c> (form-encoded, as oauth.json specifies): refreshes a location's tokens and
/// exchanges an install code. It never retries: a refresh token is single-use, and a retried POST whose first
/// answer was lost would spend it twice.
/// </summary>
public sealed class GhlOAuthTokenClient
{
    /// <summary>The named HttpClient (IHttpClientFactory) that carries the calls.</summary>
    public const string HttpClientName = "GhlOAuthToken";

    private const int MaxMessageLength = 300;

    private readonly IHttpClientFactory _httpClients;
    private readonly IOptions<GhlOAuthOptions> _options;

    public GhlOAuthTokenClient(IHttpClientFactory httpClients, IOptions<GhlOAuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(options);
        _httpClients = httpClients;
        _options = options;
    }

    /// <summary>Spends <paramref name="refreshToken"/> for a new pair (grant_type=refresh_token, user_type=Location).</summary>
    public Task<GhlTokenEndpointResponse> RefreshAsync(GhlOAuthClientCredentials client, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(refreshToken);
        return SendAsync(
            [
                new("client_id", client.ClientId),
                new("client_secret", client.ClientSecret),
                new("grant_type", "refresh_token"),
                new("refresh_token", refreshToken),
                new("user_type", "Location"),
            ],
            [client.ClientSecret, refreshToken],
            cancellationToken);
    }

    /// <summary>Exchanges the code from the install callback (grant_type=authorization_code, user_type=Location).</summary>
    public Task<GhlTokenEndpointResponse> ExchangeCodeAsync(GhlOAuthClientCredentials client, string code, string redirectUri, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(redirectUri);
        return SendAsync(
            [
                new("client_id", client.ClientId),
                new("client_secret", client.ClientSecret),
                new("grant_type", "authorization_code"),
                new("code", code),
                new("user_type", "Location"),
                new("redirect_uri", redirectUri),
            ],
            [client.ClientSecret, code],
            cancellationToken);
    }

    private async Task<GhlTokenEndpointResponse> SendAsync(KeyValuePair<string, string>[] form, string[] secrets, CancellationToken cancellationToken)
    {
        var tokenUrl = _options.Value.TokenUrl ?? GhlOAuthOptions.DefaultGhlBaseUrl + "/oauth/token";
        using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("application/json");

        HttpResponseMessage response;
        try
        {
            // A client per call, as IHttpClientFactory intends, so that this singleton follows handler rotation.
            var http = _httpClients.CreateClient(HttpClientName);
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new GhlTokenEndpointException(null, null, "the request failed: " + Scrub(ex.Message, secrets), isRejected: false, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new GhlTokenEndpointException(null, null, "no answer within the time allowed", isRejected: false, ex);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                GhlTokenEndpointResponse? tokens;
                try
                {
                    tokens = await response.Content.ReadFromJsonAsync(GhlTokenJsonContext.Default.GhlTokenEndpointResponse, cancellationToken).ConfigureAwait(false);
                }
                catch (JsonException)
                {
                    tokens = null;
                }

                if (tokens is null || string.IsNullOrWhiteSpace(tokens.AccessToken))
                {
                    throw new GhlTokenEndpointException(status, "invalid_response", "the answer carried no access token", isRejected: false);
                }

                return tokens;
            }

            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var (errorCode, message) = ReadError(body);
            message = Scrub(message ?? response.ReasonPhrase ?? "no message", secrets);
            throw new GhlTokenEndpointException(status, errorCode, message, IsRejection(response.StatusCode));
        }
    }

    /// <summary>Refusals that a retry cannot fix; 408 and 429 are load, not refusals.</summary>
    private static bool IsRejection(HttpStatusCode status) =>
        (int)status is >= 400 and < 500 && status is not HttpStatusCode.RequestTimeout and not HttpStatusCode.TooManyRequests;

    /// <summary>Reads both the OAuth shape (error, error_description) and GHL's (statusCode, message as text or list).</summary>
    private static (string? ErrorCode, string? Message) ReadError(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var root = document.RootElement;
            var error = Text(root, "error");
            var message = Text(root, "error_description") ?? Text(root, "message");
            if (message is null && root.TryGetProperty("message", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                message = string.Join("; ", list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()));
            }

            return (error, message ?? error);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()
            : null;

    /// <summary>GHL's words go into logs and pages: remove any credential they might echo, and keep them short.</summary>
    private static string Scrub(string message, string[] secrets)
    {
        foreach (var secret in secrets)
        {
            if (!string.IsNullOrEmpty(secret))
            {
                message = message.Replace(secret, "***", StringComparison.Ordinal);
            }
        }

        return message.Length > MaxMessageLength ? message[..MaxMessageLength] + "…" : message;
    }
}
