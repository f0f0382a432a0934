using Microsoft.Extensions.Options;

namespace RoezanGhl.Engine.Conversations;

/// <summary>Checks <see cref="ConversationOptions"/> on start, naming the setting.</summary>
internal sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.StatusRetryInterval <= TimeSpan.Zero)
        {
            failures.Add($"Conversations:StatusRetryInterval must be a positive duration (hh:mm:ss), got '{options.StatusRetryInterval}'.");
        }

        if (options.StatusRefusalWindow < options.StatusRetryInterval)
        {
            failures.Add("Conversations:StatusRefusalWindow must be at least Conversations:StatusRetryInterval.");
        }

        if (options.AcceptedReplyStatus is not { } accepted || !(accepted.Equals("delivered", StringComparison.OrdinalIgnoreCase) || accepted.Equals("pending", StringComparison.OrdinalIgnoreCase)))
        {
            failures.Add($"Conversations:AcceptedReplyStatus must be 'delivered' or 'pending', got '{options.AcceptedReplyStatus}'.");
        }

        if (options.UnknownMessageWait < TimeSpan.Zero)
        {
            failures.Add($"Conversations:UnknownMessageWait must not be negative (hh:mm:ss), got '{options.UnknownMessageWait}'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
