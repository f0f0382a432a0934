using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RoezanGhl.Core.Planning;
using RoezanGhl.Engine.Processing;
using RoezanGhl.Ghl;

namespace RoezanGhl.Functions.Tests.EndToEnd;

/// <summary>Kills the first delivery just before or just after GHL applies a step of the given kind (as a worker crash would).</summary>
internal sealed class CrashPlan(Type? before = null, Type? after = null)
{
    private int _crashes;

    public int Crashes => Volatile.Read(ref _crashes);

    public void Install(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<GhlStepExecutor>(sp => new CrashingExecutor(this, sp.GetRequiredService<GhlContactsClient>(), sp.GetRequiredService<ILogger<GhlStepExecutor>>())));

    private bool CrashNow() => Interlocked.CompareExchange(ref _crashes, 1, 0) == 0;

    private sealed class CrashingExecutor(CrashPlan plan, GhlContactsClient ghl, ILogger<GhlStepExecutor> logger) : GhlStepExecutor(ghl, logger)
    {
        public override async Task<StepResult> ExecuteAsync(StepContext context, PlanStep planStep, CancellationToken cancellationToken)
        {
            if (planStep.GetType() == plan.Before && plan.CrashNow())
            {
                throw new IOException("the worker died before the step");
            }

            var result = await base.ExecuteAsync(context, planStep, cancellationToken);
            if (planStep.GetType() == plan.After && plan.CrashNow())
            {
                throw new IOException("the worker died after GHL applied the step");
            }

            return result;
        }
    }

    private Type? Before { get; } = before;

    private Type? After { get; } = after;
}
