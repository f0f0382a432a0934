using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using RoezanGhl.Engine;
using RoezanGhl.Functions.Middleware;
using RoezanGhl.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpProblemMiddleware>();
builder.Services.AddRoezanGhl(builder.Configuration);
builder.Services.AddWorkerTelemetry(builder.Configuration);
RoezanGhl.Functions.Console.ConsoleFrontEndServiceCollectionExtensions.AddConsoleFrontEnd(builder.Services);
builder.Build().Run();
