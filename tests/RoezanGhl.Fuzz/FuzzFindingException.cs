namespace RoezanGhl.Fuzz;

/// <summary>A promise of the contract that an input broke; AFL records the input as a crash.</summary>
public sealed class FuzzFindingException : Exception
{
    public FuzzFindingException()
    {
    }

    public FuzzFindingException(string message)
        : base(message)
    {
    }

    public FuzzFindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
