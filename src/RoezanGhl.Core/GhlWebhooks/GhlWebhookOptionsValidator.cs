using System.Globalization;
using Microsoft.Extensions.Options;

namespace RoezanGhl.Core.GhlWebhooks;

/// <summary>
/// Checks the <c>GhlWebhook</c> section on start and names each bad setting: every configured key must read
/// as the kind it is for (a typo in a key would otherwise refuse every delivery, and GHL does not resend),
/// and the size and tolerance must be in range.
/// </summary>
public sealed class GhlWebhookOptionsValidator : IValidateOptions<GhlWebhookOptions>
{
    private const string Section = GhlWebhookOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, GhlWebhookOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string>? failures = null;
        for (var i = 0; i < options.PublicKeys.Count; i++)
        {
            var key = options.PublicKeys[i];
            if (!string.IsNullOrWhiteSpace(key) && !GhlPublicKeyReader.TryReadEd25519(key, out _, out var problem))
            {
                (failures ??= []).Add(string.Create(CultureInfo.InvariantCulture, $"{Section}:PublicKeys:{i} {problem}."));
            }
        }

        // Checked even while legacy RSA is off, so that turning it on later cannot meet a broken key.
        if (!string.IsNullOrWhiteSpace(options.LegacyPublicKey) && !GhlPublicKeyReader.TryReadRsa(options.LegacyPublicKey, out _, out var rsaProblem))
        {
            (failures ??= []).Add($"{Section}:LegacyPublicKey {rsaProblem}.");
        }

        if (options.MaxBodyBytes is < GhlWebhookOptions.MinMaxBodyBytes or > GhlWebhookOptions.MaxMaxBodyBytes)
        {
            (failures ??= []).Add(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:MaxBodyBytes must be between {GhlWebhookOptions.MinMaxBodyBytes} and {GhlWebhookOptions.MaxMaxBodyBytes}."));
        }

        if (options.TimestampTolerance < GhlWebhookOptions.MinTimestampTolerance || options.TimestampTolerance > GhlWebhookOptions.MaxTimestampTolerance)
        {
            (failures ??= []).Add(string.Create(CultureInfo.InvariantCulture,
                $"{Section}:TimestampTolerance must be between {GhlWebhookOptions.MinTimestampTolerance:c} and {GhlWebhookOptions.MaxTimestampTolerance:c}."));
        }

        return failures is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
