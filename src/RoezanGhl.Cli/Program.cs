using RoezanGhl.Cli;

// System.CommandLine turns Ctrl+C into cancellation of the running command.
return await CliApp.InvokeAsync(args, Console.Out, Console.Error, CliContext.FromProcess()).ConfigureAwait(false);
