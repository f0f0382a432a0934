using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RoezanGhl.Credentials.Secrets;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The marketplace-app install: <see cref="StartAsync"/> sends the user to HighLevel's choose-location page
/// with a signed, expiring, one-time <c>state</c>; <see cref="CompleteAsync"/> checks the state, exchanges the
/// code and hands the token set of the location HighLevel names to <see cref="GhlOAuthInstallWriter"/>, which
/// stores it only for a configured location and never silently over a working Private Integration token.
/// </summary>
public sealed partial class GhlOAuthInstaller
{
    private const string StartPath = "/api/ghl/oauth/start";

    private readonly GhlLocationTokenStore _store;
    private readonly GhlOAuthTokenClient _tokenClient;
    private readonly GhlOAuthStateSigner _states;
    private readonly GhlOAuthInstallWriter _writer;
    private readonly IOptions<GhlOAuthOptions> _options;
    private readonly ILogger<GhlOAuthInstaller> _logger;

    public GhlOAuthInstaller(
        GhlLocationTokenStore store,
        GhlOAuthTokenClient tokenClient,
        GhlOAuthStateSigner states,
        GhlOAuthInstallWriter writer,
        IOptions<GhlOAuthOptions> options,
        ILogger<GhlOAuthInstaller> logger)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _tokenClient = tokenClient ?? throw new ArgumentNullException(nameof(tokenClient));
        _states = states ?? throw new ArgumentNullException(nameof(states));
        _writer = writer ?? throw new ArgumentNullException(nameof(writer));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
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

        GhlTokenEndpointResponse answer;
        try
        {
            answer = await _tokenClient.ExchangeCodeAsync(client, code, options.RedirectUri, cancellationToken).ConfigureAwait(false);
            if (answer.UserType is { } userType && !string.Equals(userType, "Location", StringComparison.OrdinalIgnoreCase))
            {
                LogNotALocation(_logger, userType);
                return Failure(400, "Choose a sub-account", $"HighLevel connected a {userType}, but this app works per sub-account (location). Start again at {StartPath} and choose one sub-account.");
            }
        }
        catch (GhlTokenEndpointException ex)
        {
            LogExchangeFailed(_logger, ex.StatusCode, ex.ErrorCode, ex.ServerMessage);
            return ex.IsRejected
                ? Failure(400, "HighLevel refused the authorization", $"HighLevel answered: {ex.ServerMessage}. Start again at {StartPath}.")
                : Failure(502, "HighLevel did not answer", $"{ex.ServerMessage}. Start again at {StartPath}.");
        }

        // HighLevel has answered: the code is spent, so the tokens are stored even if this request is cancelled now.
        var outcome = await _writer.StoreAsync(answer).ConfigureAwait(false);
        if (outcome.Succeeded)
        {
            LogInstalled(_logger, outcome.LocationId!);
        }

        return outcome;
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
        Message = "OAuth install stored the tokens of GHL location {LocationId}")]
    private static partial void LogInstalled(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4032, EventName = "GhlOAuthStateRefused", Level = LogLevel.Warning,
        Message = "OAuth callback refused: the state is {StateCheck}")]
    private static partial void LogStateRefused(ILogger logger, GhlOAuthStateCheck stateCheck);

    [LoggerMessage(EventId = 4033, EventName = "GhlOAuthExchangeFailed", Level = LogLevel.Error,
        Message = "OAuth callback: the code exchange failed ({StatusCode} {ErrorCode}): {GhlMessage}")]
    private static partial void LogExchangeFailed(ILogger logger, int? statusCode, string? errorCode, string ghlMessage);

    [LoggerMessage(EventId = 4035, EventName = "GhlOAuthDenied", Level = LogLevel.Warning,
        Message = "OAuth callback: HighLevel answered with error {Error}")]
    private static partial void LogDenied(ILogger logger, string error);

    [LoggerMessage(EventId = 4036, EventName = "GhlOAuthNotConfigured", Level = LogLevel.Error,
        Message = "OAuth install is not configured: {Detail}")]
    private static partial void LogNotConfigured(ILogger logger, string detail);

    [LoggerMessage(EventId = 4037, EventName = "GhlOAuthNotALocation", Level = LogLevel.Warning,
        Message = "OAuth callback: HighLevel returned a {UserType} token, not a location token")]
    private static partial void LogNotALocation(ILogger logger, string userType);

}
