namespace RoezanGhl.Engine.Conversations;

/// <summary>
/// A reply that is neither sent nor refused yet (Roezan asked us to wait, or another run holds the send): the delivery
/// goes back on the queue and asks again later, when the send ledger answers how it ended.
/// </summary>
public sealed class ReplyNotSentYetException : Exception
{
    public ReplyNotSentYetException()
    {
    }

    public ReplyNotSentYetException(string message)
        : base(message)
    {
    }

    public ReplyNotSentYetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
