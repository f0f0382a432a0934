using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Logging;

namespace RoezanGhl.Ghl.Http;

/// <summary>
/// Puts the location's bearer token on each attempt and, when GHL answers 401, asks the provider once
/// for a fresh token (a rotated secret, a refreshed OAuth token) and repeats the request once. A 401 is
/// GHL refusing the request, so repeating even a create is safe. The token only ever goes into the
/// Authorization header.
/// </summary>
internal sealed class GhlAuthenticationHandler(IGhlTokenProvider tokenProvider, ILogger<GhlContactsClient> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = GhlRequestContext.From(request);
        var token = await tokenProvider.GetTokenAsync(context.LocationId, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        GhlLog.TokenRejected(logger, context.LocationId, context.Operation.Display);
        var fresh = await tokenProvider.GetFreshTokenAsync(context.LocationId, token, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.Value);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
