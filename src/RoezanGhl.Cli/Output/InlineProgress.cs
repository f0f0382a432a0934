namespace RoezanGhl.Cli.Output;

/// <summary>
/// An <see cref="IProgress{T}"/> that reports on the caller's thread at once, unlike <see cref="Progress{T}"/>,
/// which posts to the thread pool: lines then come out in order, before the summary that follows them.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
