using RoezanGhl.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await CliApp.InvokeAsync(args, Console.Out, Console.Error, CliContext.FromProcess(), cancel.Token).ConfigureAwait(false);
