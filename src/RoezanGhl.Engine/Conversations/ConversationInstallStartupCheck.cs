using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// Stops the app at start when an account asks for the GHL conversation with a Private Integration token
/// (<see cref="ConversationInstallCheck"/>): every inbound message of it would fail. When the token secrets cannot be
/// read now (Key Vault unreachable), the app starts and says so: the first message will name the problem.
/// </summary>
internal sealed partial class ConversationInstallStartupCheck(ConversationInstallCheck check, ILogger<ConversationInstallStartupCheck> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<string> problems;
        try
        {
            problems = await check.ProblemsAsync(null, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogNotChecked(logger, exception.GetType().Name);
            return;
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 5600, EventName = "ConversationInstallNotChecked", Level = LogLevel.Warning,
        Message = "Could not read the GHL token secrets at start ({ExceptionType}) to check that accounts sending inbound messages to the GHL conversation use an OAuth install; not checked.")]
    private static partial void LogNotChecked(ILogger logger, string exceptionType);
}
