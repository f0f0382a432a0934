using RoezanGhl.RoezanSimulator.Hosting;
using RoezanGhl.RoezanSimulator.State;

// dotnet run --project tests/RoezanGhl.RoezanSimulator -- --port 5082 --api-key … --webhook-url … --webhook-secret …   (--help for more)
return await SimulatorCommandLine.Create(async (settings, port, cancellationToken) =>
{
    var app = RoezanSimulatorApp.Build(new RoezanSimulatorState(settings), port);
    await app.StartAsync(cancellationToken).ConfigureAwait(false);
    var account = settings.Accounts.Single();
    Console.WriteLine($"Roezan simulator: {app.Urls.Single().TrimEnd('/')}/api (account {account.Key}, webhooks {(account.Value.WebhookUrl is null ? "off" : "on")}); admin under /_sim");
    await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    return 0;
}).Parse(args).InvokeAsync().ConfigureAwait(false);
