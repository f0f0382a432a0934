using Azure;
using Microsoft.Extensions.Options;
using RoezanGhl.Engine.Console;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;

namespace RoezanGhl.Engine.Operations;

/// <summary>
/// One line for an operator about a failure they can act on (the CLI's <c>error: …</c> line, a console answer, a
/// go-live check step). The message never holds a token or secret: only what GHL, storage or the settings said.
/// </summary>
public static class OperatorMessages
{
    public static string Describe(Exception exception) => exception switch
    {
        null => throw new ArgumentNullException(nameof(exception)),
        OperatorInputException input => input.Message,
        UnknownAccountException unknown => unknown.Message,
        OptionsValidationException options => "invalid settings: " + (options.Failures.FirstOrDefault() ?? options.Message),
        GhlLocationNeedsAttentionException attention => attention.Message,
        GhlApiException ghl => ghl.Messages.Count > 0 ? $"{ghl.Message} ({string.Join("; ", ghl.Messages)})" : ghl.Message,
        RequestFailedException storage => $"storage answered {storage.Status} {storage.ErrorCode}: {FirstLine(storage.Message)}",
        AggregateException { InnerExceptions.Count: > 0 } aggregate => Describe(aggregate.InnerExceptions[0]),
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
