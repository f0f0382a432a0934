using System.CommandLine;
using RoezanGhl.Cli.Hosting;
using RoezanGhl.Cli.Output;
using Spectre.Console;

namespace RoezanGhl.Cli.Commands;

/// <summary>One command being run: its parse result, its writers and console, and the app's services (built on first use).</summary>
internal sealed class CommandInvocation : IAsyncDisposable
{
    private readonly GlobalOptions _global;
    private CliServices? _services;

    public CommandInvocation(ParseResult parseResult, CliContext context, GlobalOptions global)
    {
        ParseResult = parseResult;
        Context = context;
        _global = global;
        Out = parseResult.InvocationConfiguration.Output;
        Error = parseResult.InvocationConfiguration.Error;
        Console = CliConsole.Create(Out, context.Interactive);
    }

    public ParseResult ParseResult { get; }

    public CliContext Context { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public IAnsiConsole Console { get; }

    public bool Interactive => Context.Interactive;

    public T Value<T>(Option<T> option) => ParseResult.GetValue(option)!;

    public T Value<T>(Argument<T> argument) => ParseResult.GetValue(argument)!;

    public CliServices Services => _services ??= CliServices.Create(Context, ParseResult.GetValue(_global.Settings), ParseResult.GetValue(_global.Verbose), Error);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }
    }
}
