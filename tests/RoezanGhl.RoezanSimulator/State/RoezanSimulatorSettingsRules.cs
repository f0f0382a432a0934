using PhoneNumbers;

namespace RoezanGhl.RoezanSimulator.State;

/// <summary>The checks behind <see cref="RoezanSimulatorSettings.Problems"/>: a bad setting is refused with a sentence, never half-applied.</summary>
internal static class RoezanSimulatorSettingsRules
{
    public static IReadOnlyList<string> Check(RoezanSimulatorSettings settings)
    {
        var problems = new List<string>();
        if (!PhoneNumberUtil.GetInstance().GetSupportedRegions().Contains(settings.DefaultRegion ?? ""))
        {
            problems.Add($"DefaultRegion '{settings.DefaultRegion}' is not a region libphonenumber knows (e.g. US, GB).");
        }

        Ratio(problems, nameof(settings.ServerErrorRatio), settings.ServerErrorRatio);
        Ratio(problems, nameof(settings.GhostWriteRatio), settings.GhostWriteRatio);
        AtLeast(problems, nameof(settings.RateLimitLimit), settings.RateLimitLimit, 0);
        AtLeast(problems, nameof(settings.RateLimitWindowSeconds), settings.RateLimitWindowSeconds, 1);
        AtLeast(problems, nameof(settings.ServerErrorBurst), settings.ServerErrorBurst, 0);
        AtLeast(problems, nameof(settings.LatencyMs), settings.LatencyMs, 0);
        AtLeast(problems, nameof(settings.GhostWriteCount), settings.GhostWriteCount, 0);
        AtLeast(problems, nameof(settings.WebhookMaxAttempts), settings.WebhookMaxAttempts, 1);
        AtLeast(problems, nameof(settings.WebhookRetryBaseDelayMs), settings.WebhookRetryBaseDelayMs, 0);
        AtLeast(problems, nameof(settings.WebhookRetryMaxDelayMs), settings.WebhookRetryMaxDelayMs, settings.WebhookRetryBaseDelayMs);
        AtLeast(problems, nameof(settings.WebhookTimeoutMs), settings.WebhookTimeoutMs, 1);
        AtLeast(problems, nameof(settings.DeliveryReportDelayMs), settings.DeliveryReportDelayMs, 0);
        if (!Enum.IsDefined(settings.DeliveryReports))
        {
            problems.Add($"DeliveryReports {(int)settings.DeliveryReports} is not one of {string.Join(", ", Enum.GetNames<DeliveryReportMode>())}.");
        }
        if (!Enum.IsDefined(settings.GhostWriteMode))
        {
            problems.Add($"GhostWriteMode {(int)settings.GhostWriteMode} is not one of {string.Join(", ", Enum.GetNames<GhostWriteMode>())}.");
        }

        var keyOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (accountId, account) in settings.Accounts ?? [])
        {
            CheckAccount(problems, keyOwners, accountId, account);
        }

        return problems;
    }

    private static void CheckAccount(List<string> problems, Dictionary<string, string> keyOwners, string accountId, RoezanSimulatorAccount? account)
    {
        if (account is null)
        {
            problems.Add($"Account '{accountId}' has no settings.");
            return;
        }

        if (account.ApiKeys is not { Length: > 0 } || account.ApiKeys.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"Account '{accountId}' needs at least one non-blank API key.");
        }

        foreach (var key in account.ApiKeys ?? [])
        {
            // The key says which account a request is for, so two accounts cannot share one.
            if (!string.IsNullOrWhiteSpace(key) && !keyOwners.TryAdd(key, accountId))
            {
                problems.Add($"Accounts '{keyOwners[key]}' and '{accountId}' share an API key.");
            }
        }

        if (account.WebhookUrl is null)
        {
            return;
        }

        if (!Uri.TryCreate(account.WebhookUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"Account '{accountId}': WebhookUrl must be an absolute http or https URL.");
        }

        if (string.IsNullOrWhiteSpace(account.WebhookSecret))
        {
            problems.Add($"Account '{accountId}': a WebhookUrl needs a WebhookSecret to sign with.");
        }
    }

    private static void Ratio(List<string> problems, string name, double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 1)
        {
            problems.Add($"{name} must be between 0 and 1.");
        }
    }

    private static void AtLeast(List<string> problems, string name, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add($"{name} must be at least {minimum}.");
        }
    }
}
