namespace RoezanGhl.Core.Planning;

/// <summary>Where the processor gets an account's <see cref="PlanningProfile"/>. Issue 6 replaces the default.</summary>
public interface IPlanningProfileSource
{
    PlanningProfile GetProfile(string accountId);
}
