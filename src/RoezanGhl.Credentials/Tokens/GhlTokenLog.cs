using Microsoft.Extensions.Logging;

namespace RoezanGhl.Credentials.Tokens;

/// <summary>
/// The token provider's log events (4010–4019), in one place so that their ids stay unique. They are written with the
/// provider's logger by each of its parts (<see cref="GhlTokenProvider"/>, <see cref="GhlTokenRenewal"/>,
/// <see cref="RefreshedTokenWriter"/>, <see cref="LocationAttentionMarks"/>), so the category stays the provider's.
/// </summary>
internal static partial class GhlTokenLog
{
    [LoggerMessage(EventId = 4010, EventName = "GhlTokenRefreshed", Level = LogLevel.Information,
        Message = "Refreshed the OAuth token of GHL location {LocationId} and stored the new pair; it expires at {ExpiresAt}")]
    public static partial void Refreshed(ILogger logger, string locationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4011, EventName = "GhlTokenRefreshedElsewhere", Level = LogLevel.Debug,
        Message = "The OAuth token of GHL location {LocationId} was refreshed by another instance; using the stored pair")]
    public static partial void RefreshedElsewhere(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4012, EventName = "GhlLocationNeedsAttention", Level = LogLevel.Error,
        Message = "GHL location {LocationId} needs attention: {Reason}. Its events wait until the token secret {SecretName} changes (re-authorize via /api/ghl/oauth/start, rotate the token, or fix the location's billing)")]
    public static partial void NeedsAttention(ILogger logger, string locationId, string reason, string secretName);

    [LoggerMessage(EventId = 4013, EventName = "GhlLocationAttentionCleared", Level = LogLevel.Information,
        Message = "The token secret of GHL location {LocationId} changed since it was refused; trying the new one")]
    public static partial void AttentionCleared(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4014, EventName = "GhlTokenStoreRetrying", Level = LogLevel.Warning,
        Message = "Could not store the refreshed token pair of GHL location {LocationId} (attempt {Attempt}); writing the same pair again in {Delay}")]
    public static partial void StoreRetrying(ILogger logger, string locationId, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 4015, EventName = "GhlTokenStoreFailed", Level = LogLevel.Error,
        Message = "Could not store the refreshed token pair of GHL location {LocationId} after {Attempt} attempts; it is kept in memory and stored before any other use")]
    public static partial void StoreFailed(ILogger logger, string locationId, int attempt, Exception exception);

    [LoggerMessage(EventId = 4016, EventName = "GhlTokenRefreshDeferred", Level = LogLevel.Warning,
        Message = "Refreshing the OAuth token of GHL location {LocationId} ahead of expiry failed ({StatusCode}: {GhlMessage}); the current token works until {ExpiresAt} and the refresh is tried again")]
    public static partial void RefreshDeferred(ILogger logger, string locationId, int? statusCode, string ghlMessage, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4017, EventName = "GhlLocationStatusWriteFailed", Level = LogLevel.Warning,
        Message = "Could not write the status of GHL location {LocationId}")]
    public static partial void StatusWriteFailed(ILogger logger, string locationId, Exception exception);

    [LoggerMessage(EventId = 4018, EventName = "GhlPrivateTokenRotated", Level = LogLevel.Information,
        Message = "GHL refused the Private Integration token of location {LocationId}; its secret holds a new one, which is used now")]
    public static partial void PrivateTokenRotated(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4019, EventName = "GhlTokenUnsavedStored", Level = LogLevel.Information,
        Message = "Stored the token pair of GHL location {LocationId} that an earlier call refreshed but could not store")]
    public static partial void UnsavedStored(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4020, EventName = "GhlTokenRefreshLeaseLost", Level = LogLevel.Error,
        Message = "The token refresh lease of GHL location {LocationId} was lost before the refresh was sent; the refresh is stopped")]
    public static partial void RefreshLeaseLost(ILogger logger, string locationId);

    [LoggerMessage(EventId = 4021, EventName = "GhlTokenRefreshedWithoutLease", Level = LogLevel.Error,
        Message = "The token refresh lease of GHL location {LocationId} was lost while GHL answered the refresh; the new pair was stored anyway. Another instance may have refreshed at the same time: if GHL refuses the next refresh, reinstall the app")]
    public static partial void RefreshedWithoutLease(ILogger logger, string locationId);
}
