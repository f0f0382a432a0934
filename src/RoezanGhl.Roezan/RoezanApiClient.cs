using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;
using RoezanGhl.Ghl.Http;

namespace RoezanGhl.Roezan;

/// <summary>
/// The few calls of Roezan's integration API the app makes: find a contact by phone and list a contact's inbound
/// messages (the reconciler), create or update a contact by phone (changes made in GHL), send a text and list the
/// texts sent (automations). Every call is made for one account, with that account's <c>X-API-Key</c> from the secret
/// store (<see cref="SecretNames.RoezanApiKey"/>). Roezan's rate-limit headers are kept per account: when
/// <c>ratelimit-remaining</c> reaches 0 the next call waits for <c>ratelimit-reset</c> (up to
/// <see cref="RoezanApiOptions.MaxRateLimitWait"/>), and a 429 or a longer wait ends in a
/// <see cref="RoezanApiException"/> with <see cref="RoezanApiException.RetryAfter"/>.
/// </summary>
public sealed class RoezanApiClient
{
    public const string ContactIdPlaceholder = "{contactId}";

    private const string ApiKeyHeader = "X-API-Key";
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly RoezanApiOptions _options;
    private readonly ISecretStore _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, RoezanRateLimitHeaders> _limits = new(StringComparer.OrdinalIgnoreCase);

    public RoezanApiClient(HttpClient http, IOptions<RoezanApiOptions> options, ISecretStore secrets, TimeProvider time, ILogger<RoezanApiClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http ?? throw new ArgumentNullException(nameof(http));
        _options = options.Value;
        _secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>True when the account has an API key (the secret exists); without one, nothing is polled.</summary>
    public async Task<bool> IsConfiguredAsync(string accountId, CancellationToken cancellationToken) =>
        await ApiKeyAsync(accountId, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary><c>GET {ContactLookupPath}?phone=…</c>: the Roezan contact with this number, or null (404).</summary>
    public async Task<RoezanApiContact?> FindContactByPhoneAsync(string accountId, string phone, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        var uri = Build(_options.ContactLookupPath, [new("phone", phone)]);
        var envelope = await GetAsync(accountId, uri, _options.ContactLookupPath, RoezanApiJsonContext.Default.RoezanApiContactEnvelope, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return envelope?.Contact is { Id.Length: > 0 } contact ? contact : null;
    }

    /// <summary>
    /// <c>GET {MessagesPath}?direction=inbound&amp;limit=…</c>: the contact's latest inbound messages (Roezan's
    /// page; there is no "since" parameter, so callers filter by <see cref="RoezanApiMessage.CreatedAt"/>).
    /// An unknown contact gives an empty list.
    /// </summary>
    public Task<IReadOnlyList<RoezanApiMessage>> GetInboundMessagesAsync(string accountId, string contactId, CancellationToken cancellationToken) =>
        GetMessagesAsync(accountId, contactId, "inbound", cancellationToken);

    /// <summary>
    /// <c>GET {MessagesPath}?direction=outbound&amp;limit=…</c>: the latest texts sent to the contact, newest first: how a
    /// send whose answer was lost is looked for before anything is sent again. Roezan's public client code shows only
    /// <c>direction=inbound</c>; <c>outbound</c> is assumed to work alike (unverified).
    /// </summary>
    public Task<IReadOnlyList<RoezanApiMessage>> GetOutboundMessagesAsync(string accountId, string contactId, CancellationToken cancellationToken) =>
        GetMessagesAsync(accountId, contactId, "outbound", cancellationToken);

    /// <summary>
    /// <c>POST {SendPath}</c> <c>{phone, message}</c>: sends one text. Made once: the client never repeats it (the
    /// request is marked <see cref="RoezanApiRetries.NoRetry"/>), because Roezan takes no idempotency key and a
    /// repeat after a lost answer would text the person twice. A refusal (opted out, invalid, deleted) is a
    /// <see cref="RoezanApiException"/> with <see cref="RoezanApiException.RefusalCode"/>; a timeout or a 5xx is an
    /// unknown outcome the caller must settle by looking (<see cref="GetOutboundMessagesAsync"/>).
    /// </summary>
    public async Task<RoezanApiMessage?> SendMessageAsync(string accountId, string phone, string text, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phone);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var body = JsonSerializer.SerializeToUtf8Bytes(new RoezanMessageSend { Phone = phone, Message = text }, RoezanApiRequestJsonContext.Default.RoezanMessageSend);
        var envelope = await SendAsync(accountId, HttpMethod.Post, Build(_options.SendPath, []), _options.SendPath, body, RoezanApiJsonContext.Default.RoezanApiMessageEnvelope, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        return envelope?.Message;
    }

    private async Task<IReadOnlyList<RoezanApiMessage>> GetMessagesAsync(string accountId, string contactId, string direction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contactId);
        var path = _options.MessagesPath.Replace(ContactIdPlaceholder, Uri.EscapeDataString(contactId), StringComparison.Ordinal);
        var uri = Build(path, [new("direction", direction), new("limit", _options.MessagesLimit.ToString(CultureInfo.InvariantCulture))]);
        var envelope = await GetAsync(accountId, uri, _options.MessagesPath, RoezanApiJsonContext.Default.RoezanApiMessagesEnvelope, notFoundIsNull: true, cancellationToken).ConfigureAwait(false);
        return envelope?.Messages ?? [];
    }

    /// <summary>
    /// <c>POST {ContactUpsertPath}</c> <c>{phone, firstName, lastName, email, tags}</c>: creates or updates the contact
    /// with this phone (Roezan keys contacts by phone; tags are added). Members left null are not sent, so nothing
    /// is blanked. Repeating it is harmless, which is why the client's retries may repeat it after a lost answer.
    /// </summary>
    public async Task<RoezanApiContact?> UpsertContactAsync(string accountId, RoezanContactUpsert upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upsert);
        ArgumentException.ThrowIfNullOrWhiteSpace(upsert.Phone);
        var body = JsonSerializer.SerializeToUtf8Bytes(upsert, RoezanApiRequestJsonContext.Default.RoezanContactUpsert);
        var envelope = await SendAsync(accountId, HttpMethod.Post, Build(_options.ContactUpsertPath, []), _options.ContactUpsertPath, body, RoezanApiJsonContext.Default.RoezanApiContactEnvelope, notFoundIsNull: false, cancellationToken).ConfigureAwait(false);
        return envelope?.Contact;
    }

    private Task<T?> GetAsync<T>(string accountId, Uri uri, string pathTemplate, JsonTypeInfo<T> type, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class =>
        SendAsync(accountId, HttpMethod.Get, uri, pathTemplate, null, type, notFoundIsNull, cancellationToken);

    private async Task<T?> SendAsync<T>(string accountId, HttpMethod method, Uri uri, string pathTemplate, byte[]? body, JsonTypeInfo<T> type, bool notFoundIsNull, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var key = await ApiKeyAsync(accountId, cancellationToken).ConfigureAwait(false)
            ?? throw new RoezanApiException($"Roezan account '{accountId}' has no API key (secret '{SecretNames.RoezanApiKey(accountId)}').");
        await WaitForRateLimitAsync(accountId, cancellationToken).ConfigureAwait(false);

        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Accept.Add(Json);
        HttpUrlTemplate.Set(request, pathTemplate);
        if (method == HttpMethod.Post && string.Equals(pathTemplate, _options.SendPath, StringComparison.Ordinal))
        {
            request.Options.Set(RoezanApiRetries.NoRetry, true);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = Json;
        }

        request.Headers.TryAddWithoutValidation(ApiKeyHeader, key);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new RoezanApiException($"Roezan's API did not answer for account '{accountId}' ({exception.GetType().Name}).", innerException: exception);
        }

        using (response)
        {
            var now = _time.GetUtcNow();
            var limits = RoezanRateLimitHeaders.Read(response.Headers, now);
            if (limits.Remaining is not null)
            {
                _limits[accountId] = limits;
            }

            RoezanApiLog.Call(_logger, accountId, pathTemplate, (int)response.StatusCode, limits.Remaining);
            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
            {
                return null;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = response.Headers.RetryAfter?.Delta ?? limits.WaitBeforeNextCall(now);
                throw new RoezanApiException($"Roezan's API rate-limited account '{accountId}'; try again in {wait.TotalSeconds:0} s.", response.StatusCode, wait);
            }

            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                throw new RoezanApiException($"Roezan's API refused the key of account '{accountId}' ({(int)response.StatusCode}); check secret '{SecretNames.RoezanApiKey(accountId)}'.", response.StatusCode);
            }

            if (!response.IsSuccessStatusCode)
            {
                var code = response.StatusCode == HttpStatusCode.UnprocessableEntity ? await RoezanApiErrorBody.ReadCodeAsync(response, cancellationToken).ConfigureAwait(false) : null;
                throw new RoezanApiException($"Roezan's API answered {(int)response.StatusCode}{(code is null ? "" : $" ({code})")} for account '{accountId}' ({uri.AbsolutePath}).", response.StatusCode) { RefusalCode = code };
            }

            try
            {
                var answer = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                return await JsonSerializer.DeserializeAsync(answer, type, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException exception)
            {
                throw new RoezanApiException($"Roezan's API answered {uri.AbsolutePath} for account '{accountId}' with JSON of an unexpected shape.", response.StatusCode, innerException: exception);
            }
        }
    }

    /// <summary>Waits for the reset when the last answer said nothing remains; gives up when that is too far off.</summary>
    private async Task WaitForRateLimitAsync(string accountId, CancellationToken cancellationToken)
    {
        if (!_limits.TryGetValue(accountId, out var limits))
        {
            return;
        }

        var wait = limits.WaitBeforeNextCall(_time.GetUtcNow());
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        if (wait > _options.MaxRateLimitWait)
        {
            throw new RoezanApiException($"Roezan's rate limit for account '{accountId}' is used up for {wait.TotalSeconds:0} s more.", HttpStatusCode.TooManyRequests, wait);
        }

        RoezanApiLog.WaitingForRateLimit(_logger, accountId, wait.TotalSeconds);
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string?> ApiKeyAsync(string accountId, CancellationToken cancellationToken)
    {
        var key = await _secrets.GetSecretAsync(SecretNames.RoezanApiKey(accountId), bypassCache: false, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(key) ? null : key.Trim();
    }

    private Uri Build(string path, IReadOnlyList<KeyValuePair<string, string>> query)
    {
        var text = _options.BaseUrl.ToString().TrimEnd('/') + "/" + path.TrimStart('/');
        var separator = text.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        foreach (var (name, value) in query)
        {
            text += $"{separator}{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}";
            separator = '&';
        }

        return new Uri(text, UriKind.Absolute);
    }
}
