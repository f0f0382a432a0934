namespace RoezanGhl.LoadHarness.Baseline;

/// <summary>A HighLevel node's request got a non-2xx answer (or none): n8n fails the node.</summary>
public sealed class ZapNodeFailedException : Exception
{
    public ZapNodeFailedException()
    {
    }

    public ZapNodeFailedException(string message)
        : base(message)
    {
    }

    public ZapNodeFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
