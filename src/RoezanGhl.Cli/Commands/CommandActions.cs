using System.CommandLine;
using RoezanGhl.Engine.Operations;

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

    /// <summary>One line for the failures an operator can act on (<see cref="OperatorMessages"/>, which the console shares); the message never holds a token or secret.</summary>
    internal static string? Describe(Exception exception) =>
        exception is CliException cli ? cli.Message : OperatorMessages.Describe(exception);
}
