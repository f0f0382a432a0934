namespace RoezanGhl.Engine.Processing;

/// <summary>How a failed attempt is told in the ledger and the logs: the target's message (or the exception's) and its trace id.</summary>
/// <param name="Reason">One line, never a token or personal value.</param>
/// <param name="TraceId">The target's trace id of the failed call, when it sent one.</param>
public sealed record AttemptFailure(string Reason, string? TraceId)
{
    /// <summary>The description of an exception no applier knows better: its type and message.</summary>
    public static AttemptFailure Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new($"{exception.GetType().Name}: {exception.Message}", null);
    }
}
