using System.CommandLine;
using Azure;
using Microsoft.Extensions.Options;
using RoezanGhl.Ghl.Auth;
using RoezanGhl.Ghl.Errors;

namespace RoezanGhl.Cli.Commands;

/// <summary>
/// Sets a command's action so that every failure ends the same way: one line on standard error
/// (<c>error: …</c>) and a non-zero exit code, never a stack trace.
/// </summary>
internal static class CommandActions
{
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Cancelled = 130;

    public static void Set(Command command, CliContext context, GlobalOptions global, Func<CommandInvocation, CancellationToken, Task<int>> action)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var invocation = new CommandInvocation(parseResult, context, global);
            await using (invocation.ConfigureAwait(false))
            {
                try
                {
                    return await action(invocation, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    await invocation.Error.WriteLineAsync("error: cancelled").ConfigureAwait(false);
                    return Cancelled;
                }
                catch (Exception exception) when (Describe(exception) is { } line)
                {
                    await invocation.Error.WriteLineAsync("error: " + line).ConfigureAwait(false);
                    return exception is CliException cli ? cli.ExitCode : Failed;
                }
            }
        });
    }

    /// <summary>One line for the failures an operator can act on; the message never holds a token or secret.</summary>
    internal static string? Describe(Exception exception) => exception switch
    {
        CliException cli => cli.Message,
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
