using System.Globalization;
using Microsoft.AspNetCore.Http;
using RoezanGhl.GhlSimulator.State;

namespace RoezanGhl.GhlSimulator.Hosting;

/// <summary>
/// What GHL checks before an endpoint runs, in GHL's order: the request is recorded, delayed by the
/// configured latency, then the <c>Version</c> header, the bearer token and its scopes, the location's rate limits
/// (with the real <c>X-RateLimit-*</c> headers on every answer) and the injected 5xx faults.
/// </summary>
internal sealed class SimulatorGate(RequestDelegate next, SimulatorState state, RequestRecorder recorder)
{
    public const string TokenLocationItem = "ghlsim.tokenLocation";

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/_sim", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var recorded = await RecordAsync(context).ConfigureAwait(false);
        state.Record(recorded);
        recorder.Append(recorded);

        var settings = state.Settings;
        var locationKey = context.Request.Query["locationId"].FirstOrDefault() ?? BodyLocation(recorded.Body);
        try
        {
            if (settings.LatencyMs > 0)
            {
                await Task.Delay(settings.LatencyMs, context.RequestAborted).ConfigureAwait(false);
            }

            var version = context.Request.Headers["Version"].FirstOrDefault();
            var versions = context.Request.Path.StartsWithSegments("/conversations", StringComparison.Ordinal) ? settings.ConversationVersions : settings.Versions;
            if (string.IsNullOrEmpty(version) || !versions.Contains(version))
            {
                await HttpExchange.WriteAsync(context, SimResponse.Error(400, string.IsNullOrEmpty(version) ? "Version header was not found" : $"Version {version} is not supported")).ConfigureAwait(false);
                return;
            }

            var authorization = context.Request.Headers.Authorization.FirstOrDefault();
            var token = authorization is not null && authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization[7..].Trim() : "";
            var known = settings.Tokens.Count == 0 || settings.Tokens.ContainsKey(token);
            if (token.Length == 0 || !known || settings.ExpiredTokens.Contains(token))
            {
                await HttpExchange.WriteAsync(context, Unauthorized("Invalid token: access token is invalid")).ConfigureAwait(false);
                return;
            }

            if (settings.TokenScopes.TryGetValue(token, out var scopes) && !scopes.Contains(SimulatedScopes.Required(context.Request.Method, context.Request.Path.Value ?? "/")))
            {
                // GHL's wording for a valid token without the endpoint's scope; the same 401 status as an invalid token.
                await HttpExchange.WriteAsync(context, Unauthorized("The token is not authorized for this scope.")).ConfigureAwait(false);
                return;
            }

            var tokenLocation = settings.Tokens.GetValueOrDefault(token);
            locationKey = tokenLocation ?? locationKey ?? "(any)";
            context.Items[TokenLocationItem] = tokenLocation;

            var decision = state.CountRequest(locationKey);
            var headers = context.Response.Headers;
            // A limit that is switched off is not announced.
            if (settings.RateLimitMax > 0)
            {
                headers["X-RateLimit-Max"] = settings.RateLimitMax.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Remaining"] = decision.RemainingInWindow.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Interval-Milliseconds"] = settings.RateLimitIntervalMs.ToString(CultureInfo.InvariantCulture);
            }

            if (settings.DailyLimit > 0)
            {
                headers["X-RateLimit-Daily-Remaining"] = decision.RemainingToday.ToString(CultureInfo.InvariantCulture);
                headers["X-RateLimit-Limit-Daily"] = settings.DailyLimit.ToString(CultureInfo.InvariantCulture);
            }
            if (!decision.Allowed)
            {
                if (settings.SendRetryAfter)
                {
                    headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.ResetIn.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                await HttpExchange.WriteAsync(context, SimResponse.Error(429, "Too many requests")).ConfigureAwait(false);
                return;
            }

            if (state.NextServerError())
            {
                await HttpExchange.WriteAsync(context, SimResponse.Error(settings.ServerErrorBurst > 0 ? 503 : 500, "Internal server error")).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        }
        finally
        {
            state.Counters.Record(locationKey, context.RequestAborted.IsCancellationRequested ? 0 : context.Response.StatusCode, state.Time.GetUtcNow(), SimulatorCounters.RouteOf(recorded.Method, recorded.Path));
        }
    }

    private static SimResponse Unauthorized(string message) => new(401, new System.Text.Json.Nodes.JsonObject
    {
        ["statusCode"] = 401,
        ["message"] = message,
        ["error"] = "Unauthorized",
    });

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            request.Body.Position = 0;
        }

        var headers = request.Headers.ToDictionary(
            header => header.Key,
            header => header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                ? RedactAuthorization(header.Value.ToString())
                : header.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);
        var query = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(), StringComparer.Ordinal);
        return new RecordedRequest(request.Method, request.Path.Value ?? "/", query, headers, string.IsNullOrEmpty(body) ? null : body);
    }

    // Without configured tokens the limits are kept per locationId named in the query or body.
    private static string? BodyLocation(string? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject json
                && json["locationId"] is System.Text.Json.Nodes.JsonValue value
                && value.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? value.GetValue<string>()
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // Only the scheme is kept, so recordings on disk never hold a token.
    private static string RedactAuthorization(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && value.Length > space + 1 ? value[..space] + " <redacted>" : "<malformed>";
    }
}
