using RoezanGhl.GhlSimulator.Hosting;

// A stateful GHL Contacts API stand-in: dotnet run --project tests/RoezanGhl.GhlSimulator -- --urls http://127.0.0.1:5081
var app = GhlSimulatorApp.Build(args);
if (!args.Any(arg => arg.StartsWith("--urls", StringComparison.Ordinal)) && Environment.GetEnvironmentVariable("ASPNETCORE_URLS") is null)
{
    app.Urls.Add("http://127.0.0.1:5081");
}

await app.RunAsync().ConfigureAwait(false);
return 0;
