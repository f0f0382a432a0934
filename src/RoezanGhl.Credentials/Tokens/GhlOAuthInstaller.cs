using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The marketplace-app install: <see cref="StartAsync"/> sends the user to HighLevel's choose-location page
/// with a signed, expiring, one-time <c>state</c>; <see cref="CompleteAsync"/> checks the state, exchanges the
/// code, stores the token set of the location HighLevel names (holding that location's refresh lease, so no
/// refresh overwrites it) and clears the location's needs-attention mark.
/// </summary>
public sealed partial class GhlOAuthInstaller
{
    private const string StartPath = "/api/ghl/oauth/start";

    private readonly GhlLocationTokenStore _store;
    private readonly GhlOAuthTokenClient _tokenClient;
    private readonly GhlOAuthStateSigner _states;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GhlOAuthInstaller> _logger;

    public GhlOAuthInstaller(
        GhlLocationTokenStore store,
        GhlOAuthTokenClient tokenClient,
        GhlOAuthStateSigner states,
        IOptions<GhlOAuthOptions> options,
        TimeProvider time,
        ILogger<GhlOAuthInstaller> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tokenClient);
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _store = store;
        _tokenClient = tokenClient;
        _states = states;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>The redirect to HighLevel's choose-location page, or a page saying what is not configured.</summary>
    public async Task<GhlOAuthOutcome> StartAsync(CancellationToken cancellationToken)
    {
        var options = _options.Value;
        if (string.IsNullOrWhiteSpace(options.RedirectUri))
        {
            return NotConfigured("The setting GhlOAuth:RedirectUri (GhlOAuth__RedirectUri) is not set: set it to this app's /api/ghl/oauth/callback URL, as registered in the marketplace app.");
        }

        var client = await _store.LoadClientAsync(cancellationToken).ConfigureAwait(false);
        if (client is null)
        {
            return NotConfigured($"The secrets '{SecretNames.GhlOAuthClientId}' and '{SecretNames.GhlOAuthClientSecret}' are not both set.");
        }

        var state = await _states.CreateAsync(cancellationToken).ConfigureAwait(false);
        var query = string.Join('&',
            "response_type=code",
            "redirect_uri=" + Uri.EscapeDataString(options.RedirectUri),
            "client_id=" + Uri.EscapeDataString(client.ClientId),
            "scope=" + Uri.EscapeDataString(options.Scopes.Trim()),
            "state=" + Uri.EscapeDataString(state));
        var separator = options.ChooseLocationUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        LogStarted(_logger);
        return new GhlOAuthOutcome(302, "Redirecting to HighLevel", "Choose the sub-account to connect.", new Uri(options.ChooseLocationUrl + separator + query));
    }

    /// <summary>Handles HighLevel's redirect back: <paramref name="code"/> and <paramref name="state"/>, or <paramref name="error"/>.</summary>
    public async Task<GhlOAuthOutcome> CompleteAsync(string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(error))
        {
            // Text from the query string: keep it short before it reaches the log and the page.
            error = error.Length > 100 ? error[..100] : error;
            LogDenied(_logger, error);
            return Failure(400, "HighLevel did not authorize the app", $"HighLevel answered: {error}. Start again at {StartPath}.");
        }

        var options = _options.Value;
        var client = await _store.LoadClientAsync(cancellationToken).ConfigureAwait(false);
        if (client is null || string.IsNullOrWhiteSpace(options.RedirectUri))
        {
            return NotConfigured($"OAuth install needs the secrets '{SecretNames.GhlOAuthClientId}' and '{SecretNames.GhlOAuthClientSecret}' and the setting GhlOAuth:RedirectUri.");
        }

        var check = await _states.CheckAsync(state, cancellationToken).ConfigureAwait(false);
        if (check != GhlOAuthStateCheck.Valid)
        {
            LogStateRefused(_logger, check);
            var why = check switch
            {
                GhlOAuthStateCheck.Expired => "This install link has expired.",
                GhlOAuthStateCheck.Reused => "This install link was already used.",
                _ => "This install link was not issued by this app.",
            };
            return Failure(400, "This install link cannot be used", $"{why} Start again at {StartPath}.");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return Failure(400, "HighLevel sent no authorization code", $"Start again at {StartPath}.");
        }

        GhlOAuthTokenSet set;
        try
        {
            var answer = await _tokenClient.ExchangeCodeAsync(client, code, options.RedirectUri, cancellationToken).ConfigureAwait(false);
            if (answer.UserType is { } userType && !string.Equals(userType, "Location", StringComparison.OrdinalIgnoreCase))
            {
                LogNotALocation(_logger, userType);
                return Failure(400, "Choose a sub-account", $"HighLevel connected a {userType}, but this app works per sub-account (location). Start again at {StartPath} and choose one sub-account.");
            }

            set = answer.ToTokenSet(_time.GetUtcNow());
        }
        catch (GhlTokenEndpointException ex)
        {
            LogExchangeFailed(_logger, ex.StatusCode, ex.ErrorCode, ex.ServerMessage);
            return ex.IsRejected
                ? Failure(400, "HighLevel refused the authorization", $"HighLevel answered: {ex.ServerMessage}. Start again at {StartPath}.")
                : Failure(502, "HighLevel did not answer", $"{ex.ServerMessage}. Start again at {StartPath}.");
        }
        catch (InvalidOperationException ex)
        {
            LogExchangeFailed(_logger, 200, "invalid_response", ex.Message);
            return Failure(502, "HighLevel's answer was incomplete", $"{ex.Message} Start again at {StartPath} and choose one sub-account.");
        }

        try
        {
            var lease = await _store.LockAsync(set.LocationId, cancellationToken).ConfigureAwait(false);
            await using (lease.ConfigureAwait(false))
            {
                await _store.WriteAsync(set.LocationId, set, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogStoreFailed(_logger, set.LocationId, ex);
            return Failure(500, "The tokens could not be stored", $"HighLevel authorized location {set.LocationId}, but its tokens could not be saved. Start again at {StartPath}.");
        }

        try
        {
            await _store.Statuses.ClearAsync(set.LocationId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The token provider clears the mark itself once it sees the new secret.
            LogStatusClearFailed(_logger, set.LocationId, ex);
        }

        LogInstalled(_logger, set.LocationId, set.ExpiresAt);
        return new GhlOAuthOutcome(200, "HighLevel connected", $"Location {set.LocationId} is connected; its events sync from now on. You can close this window.", LocationId: set.LocationId);
    }

    private static GhlOAuthOutcome Failure(int statusCode, string title, string detail) => new(statusCode, title, detail);

    private GhlOAuthOutcome NotConfigured(string detail)
    {
        LogNotConfigured(_logger, detail);
        return new GhlOAuthOutcome(503, "OAuth install is not configured", detail);
    }

    [LoggerMessage(EventId = 4030, EventName = "GhlOAuthInstallStarted", Level = LogLevel.Information,
        Message = "OAuth install started: redirecting to HighLevel's choose-location page")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(EventId = 4031, EventName = "GhlOAuthInstalled", Level = LogLevel.Information,
        Message = "OAuth install stored the tokens of GHL location {LocationId}; the access token expires at {ExpiresAt}")]
    private static partial void LogInstalled(ILogger logger, string locationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4032, EventName = "GhlOAuthStateRefused", Level = LogLevel.Warning,
        Message = "OAuth callback refused: the state is {StateCheck}")]
    private static partial void LogStateRefused(ILogger logger, GhlOAuthStateCheck stateCheck);

    [LoggerMessage(EventId = 4033, EventName = "GhlOAuthExchangeFailed", Level = LogLevel.Error,
        Message = "OAuth callback: the code exchange failed ({StatusCode} {ErrorCode}): {GhlMessage}")]
    private static partial void LogExchangeFailed(ILogger logger, int? statusCode, string? errorCode, string ghlMessage);

    [LoggerMessage(EventId = 4034, EventName = "GhlOAuthStoreFailed", Level = LogLevel.Error,
        Message = "OAuth callback: could not store the tokens of GHL location {LocationId}")]
    private static partial void LogStoreFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4035, EventName = "GhlOAuthDenied", Level = LogLevel.Warning,
        Message = "OAuth callback: HighLevel answered with error {Error}")]
    private static partial void LogDenied(ILogger logger, string error);

    [LoggerMessage(EventId = 4036, EventName = "GhlOAuthNotConfigured", Level = LogLevel.Error,
        Message = "OAuth install is not configured: {Detail}")]
    private static partial void LogNotConfigured(ILogger logger, string detail);

    [LoggerMessage(EventId = 4037, EventName = "GhlOAuthNotALocation", Level = LogLevel.Warning,
        Message = "OAuth callback: HighLevel returned a {UserType} token, not a location token")]
    private static partial void LogNotALocation(ILogger logger, string userType);

    [LoggerMessage(EventId = 4038, EventName = "GhlOAuthStatusClearFailed", Level = LogLevel.Warning,
        Message = "OAuth callback: could not clear the needs-attention mark of GHL location {LocationId}")]
    private static partial void LogStatusClearFailed(ILogger logger, string locationId, Exception exception);
}
