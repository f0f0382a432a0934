using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;
using RoezanGhl.Ghl.Logging;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// Puts the location's bearer token on each attempt. GHL answers 401 for two things (<see cref="GhlUnauthorized"/>):
/// a token that lacks this endpoint's scope is answered as it is (a permanent failure of this call; a refresh gives
/// the same scopes, so none is spent); a token GHL refuses makes the handler ask the provider once for a fresh token
/// (a rotated secret, a refreshed OAuth token) and repeat the request once. If GHL refuses that one too, the provider
/// marks the location as needing attention: at most one refresh per token, never a loop. A 401 is GHL refusing the
/// request, so repeating even a create is safe. The token only ever goes into the Authorization header.
/// </summary>
internal sealed class GhlAuthenticationHandler(IGhlTokenProvider tokenProvider, ILogger<GhlContactsClient> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = GhlRequestContext.From(request);
        var token = await tokenProvider.GetTokenAsync(context.LocationId, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (await ReadRefusalAsync(response, context, cancellationToken).ConfigureAwait(false) is null)
        {
            return response;
        }

        GhlLog.TokenRejected(logger, context.LocationId, context.Operation.Display);
        var fresh = await tokenProvider.GetFreshTokenAsync(context.LocationId, token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.Value);
        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (await ReadRefusalAsync(response, context, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return response;
        }

        response.Dispose();
        throw await tokenProvider.RejectedAfterRenewalAsync(context.LocationId, fresh, message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GHL's message when <paramref name="response"/> is a 401 for a token GHL does not accept; null for anything else.</summary>
    private async Task<string?> ReadRefusalAsync(HttpResponseMessage response, GhlRequestContext context, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return null;
        }

        // Buffered, so that the client still reads the body when the answer is passed on.
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var (reason, message) = GhlUnauthorized.Read(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        if (reason == GhlUnauthorizedReason.MissingScope)
        {
            GhlLog.ScopeMissing(logger, context.LocationId, context.Operation.Display, message);
            return null;
        }

        return message.Length > 0 ? message : "401 Unauthorized";
    }
}
