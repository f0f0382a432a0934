using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl.Configuration;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Logging;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// Sends one request of <see cref="GhlContactsClient"/> and reads its answer: the URL under <c>Ghl:BaseUrl</c>, the
/// <c>Accept</c> and <c>Version</c> headers, the <see cref="GhlRequestContext"/> the handlers below read (location,
/// operation, priority), the JSON answer, and every failure as one <see cref="GhlApiException"/>, logged once. The
/// handlers under its HttpClient add the token, the rate limit and the retries.
/// </summary>
internal sealed class GhlRequestSender
{
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _httpClient;
    private readonly GhlOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public GhlRequestSender(HttpClient httpClient, GhlOptions options, ILogger logger, TimeProvider timeProvider)
    {
        _httpClient = httpClient;
        _options = options;
        _logger = logger;
        _timeProvider = timeProvider;
    }

    /// <summary>The answer of <paramref name="operation"/> on <paramref name="path"/>; null query values are left out.</summary>
    public async Task<T> SendAsync<T>(
        string locationId,
        GhlOperation operation,
        string path,
        IReadOnlyList<KeyValuePair<string, string?>>? query,
        HttpContent? body,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(locationId);
        var context = new GhlRequestContext(locationId, operation, GhlRequestPriorityScope.Current);
        using var request = new HttpRequestMessage(operation.Method, BuildUri(path, query)) { Content = body };
        request.Options.Set(GhlRequestContext.Key, context);
        HttpUrlTemplate.Set(request, operation.PathTemplate);
        request.Headers.Accept.Add(Json);
        request.Headers.TryAddWithoutValidation("Version", operation.Conversations ? _options.ConversationsApiVersion : _options.ApiVersion);
        var started = _timeProvider.GetTimestamp();

        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (GhlErrorTranslator.FromException(exception, context, _options.CircuitBreakerBreakDuration) is { } translated)
        {
            Log(translated, context);
            throw translated;
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var failure = GhlErrorTranslator.FromResponse(response, content, context, _timeProvider);
                Log(failure, context);
                throw failure;
            }

            var elapsedMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
            GhlLog.CallSucceeded(_logger, operation.Display, locationId, (int)response.StatusCode, elapsedMs, context.Attempts);

            try
            {
                return (content.Length == 0 ? null : JsonSerializer.Deserialize(content, responseType))
                    ?? throw MissingBody(locationId, operation, "body");
            }
            catch (JsonException exception)
            {
                throw new GhlApiException($"GHL {operation} for location '{locationId}' answered {(int)response.StatusCode} with a body that is not the expected JSON.", GhlErrorKind.Permanent, response.StatusCode, innerException: exception)
                {
                    LocationId = locationId,
                    Operation = operation.Display,
                };
            }
        }
    }

    /// <summary>A successful answer that lacks the member the call returns (<paramref name="what"/>).</summary>
    public static GhlApiException MissingBody(string locationId, GhlOperation operation, string what) =>
        new($"GHL {operation} for location '{locationId}' answered without the expected '{what}'.", GhlErrorKind.Permanent)
        {
            LocationId = locationId,
            Operation = operation.Display,
        };

    private void Log(GhlApiException failure, GhlRequestContext context)
    {
        if (_logger.IsEnabled(LogLevel.Warning))
        {
            GhlLog.CallFailed(_logger, context.Operation.Display, context.LocationId, failure.StatusCode, failure.Kind, failure.OutcomeUnknown, failure.TraceId, string.Join("; ", failure.Messages.Count > 0 ? failure.Messages : [failure.Message]));
        }
    }

    private Uri BuildUri(string path, IReadOnlyList<KeyValuePair<string, string?>>? query)
    {
        var builder = new StringBuilder(_options.BaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/')).Append(path);
        var separator = '?';
        foreach (var (name, value) in query ?? [])
        {
            if (!string.IsNullOrEmpty(value))
            {
                builder.Append(separator).Append(name).Append('=').Append(Uri.EscapeDataString(value));
                separator = '&';
            }
        }

        return new Uri(builder.ToString(), UriKind.Absolute);
    }
}
