namespace RoezanGhl.Cli;

/// <summary>A failure the CLI reports as one line (<c>error: …</c>) with a non-zero exit code.</summary>
public sealed class CliException : Exception
{
    public CliException(string message, int exitCode = 1)
        : base(message)
    {
        ExitCode = exitCode;
    }

    public CliException()
        : this("the command failed")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        ExitCode = 1;
    }

    public int ExitCode { get; }
}
